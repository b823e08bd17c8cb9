package dev.browsersessions.grid.internal;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.grid.GridAttributes;
import dev.browsersessions.http.LostCreates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Grid's part of the lost-create reconciliation ({@link LostCreates}): every create carries a
 * random attempt id in its {@code browsersessions:options} capability, which the Grid keeps with
 * the session, so the session of a lost create is the running session listed with that id.
 */
final class AttemptSessions implements LostCreates.Vendor<String> {

  private final Supplier<List<SessionInfo>> running;
  private final Consumer<String> stopper;

  /**
   * Creates the Grid's part.
   *
   * @param running lists the sessions the Grid runs (one GraphQL call)
   * @param stopper stops a session; returns once the browser quit
   */
  AttemptSessions(Supplier<List<SessionInfo>> running, Consumer<String> stopper) {
    this.running = running;
    this.stopper = stopper;
  }

  @Override
  public List<List<String>> find(List<LostCreates.Window<String>> windows) {
    List<SessionInfo> sessions = running.get();
    List<List<String>> found = new ArrayList<>(windows.size());
    for (LostCreates.Window<String> w : windows) {
      found.add(sessions.stream()
          .filter(s -> !s.isTerminal()
              && w.key().equals(s.attributes().get(GridAttributes.ATTEMPT)))
          .map(SessionInfo::id)
          .toList());
    }
    return found;
  }

  @Override
  public void stop(String sessionId) {
    stopper.accept(sessionId);
  }

  @Override
  public String describe(String attempt) {
    return GridAttributes.ATTEMPT + "=" + attempt;
  }

  @Override
  public String howToFind(String attempt) {
    return "Find it with list(SessionFilter.active()): its attribute '" + GridAttributes.ATTEMPT
        + "' is '" + attempt + "'; stop it.";
  }
}
