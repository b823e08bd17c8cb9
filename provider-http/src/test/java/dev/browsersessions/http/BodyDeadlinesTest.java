package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The sweep that cuts bodies past their deadline keeps running whatever one body does. */
class BodyDeadlinesTest {

  /** A body being collected whose subscription fails when cancelled, or not. */
  private static BoundedBody collecting(long deadlineNanos, boolean cancelFails) {
    BoundedBody body = new BoundedBody(deadlineNanos);
    body.apply(BoundedBodyTest.answer(200, -1)).onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {
        if (cancelFails) {
          throw new IllegalStateException("cancel failed");
        }
      }
    });
    return body;
  }

  private static boolean eventually(BooleanSupplier condition) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BodyDeadlines.PERIOD_MILLIS));
    }
    return true;
  }

  @Test
  void aBodyWhoseAbortFailsDoesNotStopLaterSweeps() {
    BoundedBody failing = collecting(System.nanoTime(), true);
    BoundedBody later = collecting(System.nanoTime(), false);
    try {
      BodyDeadlines.watch(failing);
      assertThat(eventually(failing::aborted)).as("the failing body was swept").isTrue();
      BodyDeadlines.watch(later);
      assertThat(eventually(later::aborted)).as("a body watched afterwards is still cut")
          .isTrue();
    } finally {
      BodyDeadlines.unwatch(failing);
      BodyDeadlines.unwatch(later);
    }
  }
}
