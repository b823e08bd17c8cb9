package dev.browsersessions.fake.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.fake.FakeOperation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The failures planned for each operation, consumed in the order they were planned. Thread-safe:
 * when calls race, each planned failure is used by exactly one call.
 */
public final class FaultPlan {

  private static final class Fault {
    final Supplier<? extends BrowserSessionException> exception;
    int remaining;

    Fault(Supplier<? extends BrowserSessionException> exception, int remaining) {
      this.exception = exception;
      this.remaining = remaining;
    }
  }

  private final String provider;
  private final Map<FakeOperation, Deque<Fault>> planned = new EnumMap<>(FakeOperation.class);

  /**
   * Creates an empty plan.
   *
   * @param provider the provider's name, for error messages
   */
  public FaultPlan(String provider) {
    this.provider = provider;
  }

  /**
   * Plans failures after those already planned for the operation.
   *
   * @param operation the operation
   * @param times how many calls fail, at least 1
   * @param exception makes the exception each failing call throws
   */
  public synchronized void add(
      FakeOperation operation, int times, Supplier<? extends BrowserSessionException> exception) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(exception, "exception");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    planned.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(new Fault(exception, times));
  }

  /**
   * Throws the next planned failure for the operation, if there is one.
   *
   * @param operation the operation being called
   * @throws BrowserSessionException the planned exception
   */
  public void throwIfPlanned(FakeOperation operation) {
    Supplier<? extends BrowserSessionException> next = take(operation);
    if (next == null) {
      return;
    }
    BrowserSessionException e = next.get();
    if (e == null) {
      throw new BrowserSessionException(
          "The exception supplier given to failNext(" + operation + ", …) returned null;"
              + " it must return the exception to throw",
          provider);
    }
    throw e;
  }

  /**
   * How many calls of an operation will still fail.
   *
   * @param operation the operation
   * @return the number of planned failures
   */
  public synchronized int remaining(FakeOperation operation) {
    Deque<Fault> q = planned.get(operation);
    return q == null ? 0 : q.stream().mapToInt(f -> f.remaining).sum();
  }

  /** Forgets every planned failure. */
  public synchronized void clear() {
    planned.clear();
  }

  private synchronized Supplier<? extends BrowserSessionException> take(FakeOperation operation) {
    Deque<Fault> q = planned.get(operation);
    if (q == null || q.isEmpty()) {
      return null;
    }
    Fault f = q.peek();
    if (--f.remaining == 0) {
      q.poll();
    }
    return f.exception;
  }
}
