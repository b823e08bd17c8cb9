package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
 * create).
 *
 * <p>The numbers keep the check a hang check, not a speed check: with the deadline each call
 * returns after about the 1 s {@code operation-timeout}; the bound is 20 s, room for a loaded
 * 2-core machine running two test JVMs; without the deadline every one of these calls would wait
 * at least one whole 60 s {@code request-timeout} or {@code lost-create-wait} (the proxy holds a
 * request longer than that), three times the bound. A call still running at the bound is
 * abandoned, so a broken deadline fails the test at 20 s instead of minutes later. Because the
 * bound leaves room for load, the test also counts the requests the proxy held for {@code
 * status()} and {@code list()}: at most one each, so a deadline applied per attempt instead of
 * per operation (four held attempts of 1 s, inside the bound) fails too.
 */
class DeadlineTest {

  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(1);
  /**
   * What each call would wait for without the deadline: the request timeout of one attempt, and
   * the lost-create reconciliation's wait. Below {@link FaultProxy#HOLD}, so that only the client
   * ends a held request.
   */
  private static final Duration UNCUT_WAIT = Duration.ofSeconds(60);
  /** A third of {@link #UNCUT_WAIT}, twenty times {@link #OPERATION_TIMEOUT}. */
  private static final Duration BOUND = Duration.ofSeconds(20);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"notte", "stagehand"})
  void noCallOutlivesTheOperationTimeout(String provider) throws Exception {
    try (Target t = Target.of(provider)) {
      BrowserSessions client = BrowserSessions.create(provider, t.config()
          .put("request-timeout", UNCUT_WAIT.toSeconds() + "s").put("max-retries", "3")
          .put("operation-timeout", OPERATION_TIMEOUT.toMillis() + "ms")
          .put("lost-create-wait", UNCUT_WAIT.toSeconds() + "s").build());
      t.fault(null, "/", Fault.SLOW_HEADERS, 1_000);
      System.out.println("DeadlineTest: " + provider);
      assertBounded("start()", () -> client.start(SessionRequest.defaults()));
      long held = t.faultsInjected();
      boolean startReachedTheVendor = held > 0;
      assertBounded("status()", () -> client.status("a-session-id"));
      assertOneAttempt("status()", t.faultsInjected() - held);
      held = t.faultsInjected();
      assertBounded("list()", () -> client.list(SessionFilter.active()));
      assertOneAttempt("list()", t.faultsInjected() - held);
      // close() fails when the start's request reached the vendor: that create is lost and its
      // last look is held too. On a machine loaded enough that the start's deadline passed before
      // its request was sent, nothing is lost and close() may succeed; it is bounded either way.
      Throwable closed = bounded("close()", client::close);
      if (startReachedTheVendor) {
        assertThat(closed).as("close() fails: the start's request reached the vendor, unanswered")
            .isInstanceOf(BrowserSessionException.class);
      }
    }
  }

  /**
   * Independent of the machine's load, unlike the time bound: the deadline is per operation, so
   * once the first (held) attempt is cut at the operation timeout no retry is sent (on a machine
   * loaded enough, the deadline may pass before even the first request reaches the proxy: none). A deadline
   * applied per attempt would let max-retries 3 send four held requests, about 4 s in all, well
   * inside {@link #BOUND}; only this count catches it.
   */
  private static void assertOneAttempt(String call, long heldRequests) {
    assertThat(heldRequests)
        .as("%s: requests the proxy held for one call (operation-timeout %s cuts the operation,"
            + " not each attempt, so no retry follows the first held request)", call,
            OPERATION_TIMEOUT)
        .isLessThanOrEqualTo(1);
  }

  private static void assertBounded(String call, Runnable r) {
    assertThat(bounded(call, r)).as(call + " fails").isInstanceOf(BrowserSessionException.class);
  }

  /** Runs a call, abandoned at {@link #BOUND}; gives what it threw, or {@code null}. */
  private static Throwable bounded(String call, Runnable r) {
    long t0 = System.nanoTime();
    // preemptive: a call the deadline does not cut is abandoned at the bound, not waited for
    Throwable failure = assertTimeoutPreemptively(BOUND, () -> catchThrowable(r::run),
        () -> call + " still running after " + BOUND + " (operation-timeout "
            + OPERATION_TIMEOUT + "): the deadline did not cut it");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    System.out.printf("DeadlineTest: %s returned after %d ms%n", call, took.toMillis());
    return failure;
  }
}
