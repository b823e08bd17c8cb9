package dev.browsersessions.observe;

/**
 * Hears the end of one call; returned by {@link SessionListener#callStarted}. The client calls
 * {@link #finished} exactly once, on the thread that started the call, so an observer may hold
 * thread-bound state (a tracing scope) between the two.
 */
@FunctionalInterface
public interface CallObserver {

  /** An observer that ignores the end. */
  CallObserver NONE = finished -> {};

  /**
   * The call ended.
   *
   * @param finished how
   */
  void finished(CallFinished finished);
}
