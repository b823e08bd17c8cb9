package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.reliability.FaultProxy.Fault;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A vendor that accepts connections and never answers cannot hold a caller much past {@code
 * operation-timeout}: not {@code start()} (one attempt, then the lost-create reconciliation),
 * {@code status()}, {@code list()} (retries) nor {@code close()} (the last look for the lost
 * create). The bound asserted is derived from the configured deadline; without it each of these
 * would take at least the 10 s request-timeout (the reads and the reconciliation several times).
 */
class DeadlineTest {

  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration BOUND = OPERATION_TIMEOUT.multipliedBy(5);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"notte", "stagehand"})
  void noCallOutlivesTheOperationTimeout(String provider) throws Exception {
    try (Target t = Target.of(provider)) {
      BrowserSessions client = BrowserSessions.create(provider, t.config()
          .put("request-timeout", "10s").put("max-retries", "3")
          .put("operation-timeout", OPERATION_TIMEOUT.toMillis() + "ms")
          .put("lost-create-wait", "5s").build());
      t.fault(null, "/", Fault.SLOW_HEADERS, 1_000);
      System.out.println("DeadlineTest: " + provider);
      assertBounded("start()", () -> client.start(SessionRequest.defaults()));
      assertBounded("status()", () -> client.status("a-session-id"));
      assertBounded("list()", () -> client.list(SessionFilter.active()));
      assertBounded("close()", client::close);
    }
  }

  private static void assertBounded(String call, Runnable r) {
    long t0 = System.nanoTime();
    Throwable failure = catchThrowable(r::run);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    System.out.printf("DeadlineTest: %s returned after %d ms%n", call, took.toMillis());
    assertThat(failure).as(call + " fails").isInstanceOf(BrowserSessionException.class);
    assertThat(took).as(call + " returns within 5 × operation-timeout; it failed with: "
        + failure).isLessThan(BOUND);
  }
}
