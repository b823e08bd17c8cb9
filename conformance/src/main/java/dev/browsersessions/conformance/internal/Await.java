package dev.browsersessions.conformance.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling for eventually consistent providers: never longer than the given timeout. */
public final class Await {

  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private Await() {}

  /**
   * Reads a value until it meets a condition or the timeout passes.
   *
   * @param read reads the current value; exceptions propagate
   * @param condition what the value must meet
   * @param timeout how long to keep reading
   * @param expectation what was expected, for the failure message
   * @param <T> the value's type
   * @return the first value that meets the condition
   * @throws AssertionError naming the expectation and the last value seen, on timeout
   */
  public static <T> T until(
      Supplier<T> read, Predicate<? super T> condition, Duration timeout, String expectation) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    while (true) {
      T value = read.get();
      if (condition.test(value)) {
        return value;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            expectation + " (waited " + timeout + ", see settleTimeout()); last seen: " + value);
      }
      LockSupport.parkNanos(Math.min(pause, left));
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }
}
