package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.SessionInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one session until a deadline passes or shutdown releases it, and stops it exactly once,
 * whichever thread gets there first.
 */
final class SessionKeeper {

  private final BrowserSession session;
  private final CountDownLatch released = new CountDownLatch(1);
  private boolean stopped; // guarded by this

  SessionKeeper(BrowserSession session) {
    this.session = session;
  }

  /**
   * Waits until {@link #release()} is called or the duration passes.
   *
   * @param duration how long to keep the session; empty for until released
   * @return {@code true} if released, {@code false} if the duration passed
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean await(Optional<Duration> duration) throws InterruptedException {
    if (duration.isEmpty()) {
      released.await();
      return true;
    }
    return released.await(duration.get().toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Ends the wait in {@link #await(Optional)}. */
  void release() {
    released.countDown();
  }

  /**
   * Stops the session unless this keeper already did.
   *
   * @return the terminal state if this call stopped it, empty if an earlier call did
   */
  synchronized Optional<SessionInfo> stopOnce() {
    if (stopped) {
      return Optional.empty();
    }
    stopped = true;
    return Optional.of(session.stop());
  }
}
