package dev.browsersessions.stagehand.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.http.LostCreates;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stagehand's part of the lost-create reconciliation ({@link LostCreates}): every start carries a
 * request tag ({@link RequestMapping#REQUEST_TAG}) in {@code userMetadata}, so the session of a
 * lost start is the running Browserbase session listed with that tag.
 */
final class TaggedSessions implements LostCreates.Vendor<String> {

  private final BrowserbaseApi browserbase;
  private final SessionMapping sessions;
  private final Consumer<String> stopper;

  /**
   * Creates Stagehand's part.
   *
   * @param browserbase lists sessions by tag
   * @param sessions reads the tag out of a session's metadata
   * @param stopper stops a session and confirms it ended
   */
  TaggedSessions(BrowserbaseApi browserbase, SessionMapping sessions, Consumer<String> stopper) {
    this.browserbase = browserbase;
    this.sessions = sessions;
    this.stopper = stopper;
  }

  @Override
  public List<List<String>> find(List<LostCreates.Window<String>> windows) {
    List<List<String>> found = new ArrayList<>();
    for (LostCreates.Window<String> w : windows) {
      found.add(running(w.key()));
    }
    return found;
  }

  @Override
  public void stop(String sessionId) {
    stopper.accept(sessionId);
  }

  @Override
  public String describe(String requestId) {
    return RequestMapping.REQUEST_TAG + "=" + requestId;
  }

  @Override
  public String howToFind(String requestId) {
    return "Find it with sessions.list(SessionFilter.active().withMetadata(\""
        + RequestMapping.REQUEST_TAG + "\", \"" + requestId + "\")) and stop it.";
  }

  /** The running sessions carrying the tag. */
  private List<String> running(String requestId) {
    Map<String, String> tag = Map.of(RequestMapping.REQUEST_TAG, requestId);
    List<BrowserbaseSession> page;
    try {
      page = browserbase.list(Optional.empty(), MetadataQuery.of(tag));
    } catch (BrowserSessionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ProviderProtocolException.unexpected(
          "Listing Browserbase's sessions by tag failed: " + e, StagehandProvider.NAME, e);
    }
    List<String> ids = new ArrayList<>();
    for (BrowserbaseSession s : page == null ? List.<BrowserbaseSession>of() : page) {
      // an invalid id fails the lookup (ProviderProtocolException): the create stays pending
      Optional<String> id = sessions.listedId(s);
      if (id.isPresent()
          && requestId.equals(sessions.metadata(s.userMetadata()).get(RequestMapping.REQUEST_TAG))
          && !BrowserbaseStatuses.toNeutral(s.status()).isTerminal()) {
        ids.add(id.get());
      }
    }
    return ids;
  }
}
