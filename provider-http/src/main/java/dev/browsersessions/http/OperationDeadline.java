package dev.browsersessions.http;

import dev.browsersessions.observe.Operation;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The deadline of the client operation the current thread is doing ({@code operation-timeout}):
 * one budget for a whole {@code create}, {@code status}, {@code stop}, {@code list} or {@code
 * close()} of a provider, its retries, its lost-create reconciliation and its stop confirmation
 * together. {@link VendorCalls#within} opens one; a vendor call outside of any opens its own.
 * Nested operations (a reconciliation's lookup inside a create) keep the outer, earlier, deadline.
 * {@link JdkClient} cuts each attempt at the deadline and sends nothing once it has passed; the
 * retry policy does not wait past it. Measured on {@link System#nanoTime()}: a deadline is real
 * time, whatever clock the provider's waits run on.
 *
 * @param operation the client operation, for retry reports
 * @param budget the {@code operation-timeout} it was opened with, for messages
 * @param deadlineNanos when it ends, on {@link System#nanoTime()}
 */
record OperationDeadline(Operation operation, Duration budget, long deadlineNanos) {

  /**
   * The current thread's deadline, set by the outermost {@link #within} and removed when it ends,
   * so that no thread (a container's pooled one, say) keeps a value of this library's classes,
   * which would keep its class loader.
   */
  private static final ThreadLocal<OperationDeadline> CURRENT = new ThreadLocal<>();

  /**
   * Runs a body within a deadline; within the current thread's deadline when one is open already.
   *
   * @param operation the client operation
   * @param budget the operation-timeout
   * @param body the work
   * @param <T> its result
   * @return its result
   */
  static <T> T within(Operation operation, Duration budget, Supplier<T> body) {
    if (CURRENT.get() != null) {
      return body.get();
    }
    CURRENT.set(new OperationDeadline(operation, budget, System.nanoTime() + budget.toNanos()));
    try {
      return body.get();
    } finally {
      CURRENT.remove();
    }
  }

  /**
   * The current thread's deadline.
   *
   * @return the deadline, or {@code null} outside of any operation
   */
  static OperationDeadline current() {
    return CURRENT.get();
  }

  /**
   * The time left.
   *
   * @return the time left, zero once passed
   */
  Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /**
   * Whether the deadline has passed.
   *
   * @return {@code true} once it has
   */
  boolean expired() {
    return deadlineNanos - System.nanoTime() <= 0;
  }
}
