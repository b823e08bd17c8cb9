package dev.browsersessions.stagehand.internal;

import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of starts that failed after Stagehand may have started one: found by the request
 * tag ({@link RequestMapping#REQUEST_TAG}) every start carries in {@code userMetadata}.
 *
 * <p>A lookup lists Browserbase's sessions by the tag. A failed list call (after provider-http's
 * own retries, or an unreadable answer, which those do not retry) is tried again. When the start
 * had no answer at all (a timeout, a reset, an end of stream) and nothing is found, it looks again
 * until {@code lost-start-wait} has passed, pausing 50 ms, doubling up to 1 s: the request may
 * still be on its way or Browserbase's list may show the new session late. A start that was
 * answered (a 5xx, an unreadable 200) is looked up once. A tag that was not found is remembered
 * (at most {@value #MAX_PENDING}) and looked up once more by {@link #endPending()} when the
 * provider closes, which ends any running session carrying it: nobody was ever handed it.
 *
 * <p>Thread-safe.
 */
public final class LostStarts {

  /** The most tags remembered for the look at close. */
  static final int MAX_PENDING = 1_000;

  private static final System.Logger LOG = System.getLogger(LostStarts.class.getName());
  private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

  /**
   * What a lookup found.
   *
   * @param session the session carrying the tag, if one was seen
   * @param lookupFailure why the last look failed, when it did and nothing was seen
   */
  public record Found(
      Optional<BrowserbaseSession> session, Optional<BrowserSessionException> lookupFailure) {}

  private final BrowserbaseApi browserbase;
  private final SessionMapping sessions;
  private final Duration wait;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  /**
   * Creates the bookkeeping of one provider.
   *
   * @param browserbase the Browserbase API
   * @param sessions reads the tag out of a session's metadata
   * @param wait how long a start without an answer keeps looking ({@code lost-start-wait})
   * @param clock the clock of that deadline
   * @param sleeper waits between looks
   */
  public LostStarts(BrowserbaseApi browserbase, SessionMapping sessions, Duration wait,
      Clock clock, Sleeper sleeper) {
    this.browserbase = browserbase;
    this.sessions = sessions;
    this.wait = wait;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Whether the failure came with an answer (an HTTP status): then Stagehand was done with the
   * request when it failed.
   *
   * @param e the failure
   * @return whether it was answered
   */
  public static boolean answered(BrowserSessionException e) {
    return e.httpStatus().orElse(0) != 0;
  }

  /**
   * Looks for the session of a start, bounded by {@code lost-start-wait}.
   *
   * @param requestId the start's tag value
   * @param keepLooking whether to look again while nothing is found (the start had no answer)
   * @return what was found
   */
  public Found find(String requestId, boolean keepLooking) {
    Instant until = clock.instant().plus(wait);
    Duration pause = FIRST_PAUSE;
    while (true) {
      BrowserSessionException failed = null;
      try {
        Optional<BrowserbaseSession> s = lookOnce(requestId);
        if (s.isPresent()) {
          return new Found(s, Optional.empty());
        }
      } catch (AuthenticationException e) {
        return new Found(Optional.empty(), Optional.of(e));
      } catch (BrowserSessionException e) {
        failed = e;
      } catch (RuntimeException e) {
        failed = new ProviderProtocolException("Listing Browserbase's sessions by tag failed: "
            + e, StagehandProvider.NAME, 0, null, e);
      }
      Instant now = clock.instant();
      if ((failed == null && !keepLooking) || !now.isBefore(until)) {
        return new Found(Optional.empty(), Optional.ofNullable(failed));
      }
      Duration left = Duration.between(now, until);
      try {
        sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Found(Optional.empty(), Optional.ofNullable(failed));
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(MAX_PAUSE) < 0 ? doubled : MAX_PAUSE;
    }
  }

  /**
   * Remembers a tag whose session was not found, for {@link #endPending()}.
   *
   * @param requestId the start's tag value
   * @return whether it was remembered (not when {@value #MAX_PENDING} already are)
   */
  public boolean remember(String requestId) {
    if (pending.size() >= MAX_PENDING) {
      LOG.log(Level.WARNING, "{0} lost starts are remembered already; not looking for {1}={2}"
          + " again at close", MAX_PENDING, RequestMapping.REQUEST_TAG, requestId);
      return false;
    }
    return pending.add(requestId);
  }

  /**
   * Looks once more for every remembered tag and ends (releases) each running session found.
   * Failures are logged, not thrown: the start's own exception already said how to find it.
   *
   * @return how many sessions were ended
   */
  public int endPending() {
    int ended = 0;
    for (String requestId : List.copyOf(pending)) {
      try {
        Optional<BrowserbaseSession> s = lookOnce(requestId);
        if (s.isPresent() && !BrowserbaseStatuses.toNeutral(s.get().status()).isTerminal()) {
          browserbase.release(s.get().id());
          ended++;
          LOG.log(Level.WARNING, "Session {0} of a start that failed ({1}={2}) appeared after"
              + " the start gave up; it was released", s.get().id(), RequestMapping.REQUEST_TAG,
              requestId);
        }
        pending.remove(requestId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not look for or end the session of a failed start ({0}={1}):"
            + " {2}; find it with sessions.list(SessionFilter.active().withMetadata(...))",
            RequestMapping.REQUEST_TAG, requestId, e.getMessage());
      }
    }
    return ended;
  }

  /**
   * How a user finds the session of a start.
   *
   * @param requestId the start's tag value
   * @return the sentence to add to a message
   */
  public static String howToFind(String requestId) {
    return "Find it with sessions.list(SessionFilter.active().withMetadata(\""
        + RequestMapping.REQUEST_TAG + "\", \"" + requestId + "\")) and stop it; close() of this"
        + " client looks for it once more and ends it.";
  }

  private Optional<BrowserbaseSession> lookOnce(String requestId) {
    Map<String, String> tag = Map.of(RequestMapping.REQUEST_TAG, requestId);
    List<BrowserbaseSession> page = browserbase.list(Optional.empty(), MetadataQuery.of(tag));
    if (page == null) {
      return Optional.empty();
    }
    for (BrowserbaseSession s : page) {
      if (s != null && s.id() != null && !s.id().isBlank() && requestId.equals(
          sessions.metadata(s.userMetadata()).get(RequestMapping.REQUEST_TAG))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
