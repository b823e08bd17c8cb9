package dev.browsersessions.observe;

/**
 * Hears what a {@link dev.browsersessions.BrowserSessions} client and its provider do. Every
 * method has a do-nothing default: implement the ones you need.
 *
 * <p>Register a listener on {@link
 * dev.browsersessions.BrowserSessions.Builder#listener(SessionListener)}, or for every client in
 * the JVM through {@link java.util.ServiceLoader} (a public no-argument constructor, listed in
 * {@code META-INF/services/dev.browsersessions.observe.SessionListener} or with {@code provides}
 * in {@code module-info.java}; turn discovery off with {@link
 * dev.browsersessions.BrowserSessions.Builder#discoverListeners(boolean)}).
 *
 * <p>Listeners are called synchronously, on the thread that makes the call, so they must be
 * thread-safe and quick. A listener that throws is logged at {@code WARNING} and otherwise
 * ignored: it never changes what the client returns or throws.
 *
 * <p>Event objects carry session ids for logs and spans; ids are unbounded in number, so a
 * listener that records metrics must never use them as tags.
 */
public interface SessionListener {

  /**
   * A call is about to run. Called before the call's checks, so every call that starts also
   * finishes.
   *
   * @param call which call
   * @return the observer that hears its end; {@link CallObserver#NONE} by default
   */
  default CallObserver callStarted(CallStarted call) {
    return CallObserver.NONE;
  }

  /**
   * The client started a session and tracks it until it ends.
   *
   * @param provider the provider's name
   * @param sessionId the session
   */
  default void sessionOpened(String provider, String sessionId) {}

  /**
   * The client no longer tracks a session it started: it was seen ending, it was stopped, or the
   * client closed without stopping it. Paired with exactly one {@link #sessionOpened}.
   *
   * @param provider the provider's name
   * @param sessionId the session
   */
  default void sessionReleased(String provider, String sessionId) {}

  /**
   * The leak guard stopped, or failed to stop, a session nobody else stopped.
   *
   * @param stop which, why and how it went
   */
  default void leakGuardStopped(LeakGuardStop stop) {}

  /**
   * The provider is about to retry a vendor call (reported by the provider).
   *
   * @param retry which call and attempt
   */
  default void retrying(Retry retry) {}

  /**
   * The provider reconciled a create whose answer was lost (reported by the provider).
   *
   * @param lostCreate what it found and did
   */
  default void lostCreate(LostCreate lostCreate) {}
}
