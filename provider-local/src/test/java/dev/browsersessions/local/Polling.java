package dev.browsersessions.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting for a condition, for tests that watch another process. */
final class Polling {

  private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private Polling() {}

  /**
   * Waits until a condition holds, checking every 20 ms.
   *
   * @param limit the longest wait
   * @param condition the condition
   * @return how long it took
   * @throws AssertionError if it does not hold within the limit
   */
  static Duration until(Duration limit, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("condition not met within " + limit);
      }
      LockSupport.parkNanos(STEP_NANOS);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
