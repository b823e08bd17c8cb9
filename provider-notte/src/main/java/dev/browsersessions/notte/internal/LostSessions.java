package dev.browsersessions.notte.internal;

import dev.browsersessions.http.LostCreates;
import dev.browsersessions.notte.internal.wire.SessionResponse;
import dev.browsersessions.notte.internal.wire.StartSessionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notte's part of the lost-create reconciliation ({@link LostCreates}): Notte stores no metadata,
 * so the session of a lost create is recognised by what it echoes: active, created in the window
 * of the attempt, the same request fields ({@link StartEcho}); the one created closest to the
 * attempt's send time first.
 */
public final class LostSessions implements LostCreates.Vendor<StartSessionRequest> {

  /** How a user finds a session that may still run. */
  static final String HOW_TO_FIND = "Find it with sessions.list(SessionFilter.active()) (Notte"
      + " sessions carry no tag: look for one created at the time of this call) and stop it.";

  private final Supplier<List<SessionResponse>> active;
  private final Consumer<String> stopper;

  /**
   * Creates Notte's part.
   *
   * @param active lists the active sessions, every page
   * @param stopper stops a session and confirms it ended
   */
  public LostSessions(Supplier<List<SessionResponse>> active, Consumer<String> stopper) {
    this.active = active;
    this.stopper = stopper;
  }

  @Override
  public List<List<String>> find(List<LostCreates.Window<StartSessionRequest>> windows) {
    List<SessionResponse> listed = active.get();
    List<List<String>> found = new ArrayList<>();
    for (LostCreates.Window<StartSessionRequest> w : windows) {
      found.add(candidates(w, listed));
    }
    return found;
  }

  @Override
  public void stop(String sessionId) {
    stopper.accept(sessionId);
  }

  @Override
  public String describe(StartSessionRequest sent) {
    return StartEcho.describe(sent);
  }

  @Override
  public String howToFind(StartSessionRequest sent) {
    return HOW_TO_FIND;
  }

  /** Active sessions created in the window echoing its request, closest to its send first. */
  private static List<String> candidates(LostCreates.Window<StartSessionRequest> w,
      List<SessionResponse> listed) {
    List<SessionResponse> found = new ArrayList<>();
    for (SessionResponse s : listed) {
      Instant created = SessionResponses.instant(s.createdAt());
      if (s.id().isPresent() && "active".equals(s.status())
          && created != null && !created.isBefore(w.from()) && !created.isAfter(w.to())
          && StartEcho.matches(w.key(), s)) {
        found.add(s);
      }
    }
    found.sort(Comparator.comparing((SessionResponse s) -> Duration.between(
        w.sentAt(), SessionResponses.instant(s.createdAt())).abs()));
    return found.stream().map(s -> s.id().orElseThrow()).toList();
  }
}
