package dev.browsersessions;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A handle to one live session. Closing it stops the session. Thread-safe.
 *
 * <pre>{@code
 * try (BrowserSession session = sessions.start(SessionRequest.defaults())) {
 *   connect(session.cdpUrl().orElseThrow());
 * }
 * }</pre>
 */
public final class BrowserSession implements AutoCloseable {

  private final BrowserSessions owner;
  private final String id;
  private volatile SessionInfo info;
  private final ReentrantLock stopLock = new ReentrantLock();
  private SessionInfo stopped; // guarded by stopLock

  BrowserSession(BrowserSessions owner, SessionInfo info) {
    this.owner = owner;
    this.id = info.id();
    this.info = info;
  }

  /**
   * The session's id at its provider.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The last known state, without calling the provider.
   *
   * @return the last snapshot
   */
  public SessionInfo info() {
    return info;
  }

  /**
   * Fetches the current state from the provider.
   *
   * @return the new snapshot
   */
  public SessionInfo refresh() {
    SessionInfo fresh = owner.status(id);
    info = fresh;
    return fresh;
  }

  /**
   * The Chrome DevTools Protocol URL to drive the browser with.
   *
   * @return the URL, if the provider gave one
   */
  public Optional<URI> cdpUrl() {
    return info.cdpUrl();
  }

  /**
   * A URL a person can open to watch the session.
   *
   * @return the URL, if the provider gave one
   */
  public Optional<URI> liveViewUrl() {
    return info.liveViewUrl();
  }

  /**
   * Stops the session. Idempotent: later calls return the same terminal state without calling
   * the provider again.
   *
   * @return the terminal state
   */
  public SessionInfo stop() {
    return stopOnce(() -> owner.stop(id));
  }

  /**
   * Stops the session with {@code stop} unless it is stopped already. The client's leak guard
   * (its {@code close()} and shutdown hook) stops a session it still holds through this too, so
   * a {@link #stop()} during or after that returns the same terminal state instead of failing.
   *
   * @param stop the call that stops it
   * @return the terminal state
   */
  SessionInfo stopOnce(Supplier<SessionInfo> stop) {
    // A lock, not synchronized: the stop is a blocking vendor call, and a virtual thread blocked
    // inside synchronized would pin its carrier thread on Java 21.
    stopLock.lock();
    try {
      if (stopped == null) {
        stopped = stop.get();
        info = stopped;
      }
      return stopped;
    } finally {
      stopLock.unlock();
    }
  }

  /** Stops the session, as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "BrowserSession[" + info.provider() + ":" + id + ", " + info.status() + "]";
  }
}
