package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.http.RawServer.Act;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the transport does when the vendor fails after it started answering: a stalled body is cut
 * at {@code request-timeout}, a reset or an end of stream after the headers is a transport
 * failure (retried for reads, never for create), and only a whole but malformed body is a
 * protocol error.
 */
class TransportFailureTest {

  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
  private static final int ATTEMPTS = 3; // 1 + max-retries 2

  /**
   * Generous bound for a call of {@link #ATTEMPTS} attempts that each end at the deadline: without
   * the deadline on the body, a stalled call would wait for the server (here: for ever).
   */
  private static final Duration ENDS_WITHIN = REQUEST_TIMEOUT.multipliedBy(ATTEMPTS * 20L);

  private RawServer server;
  private VendorHttp http;
  private TestApi api;

  @BeforeEach
  void start() throws IOException {
    server = new RawServer();
    http = VendorHttp.builder("t", "Vendor", TestApi.quickRetries(REQUEST_TIMEOUT.toMillis() + "ms"))
        .build();
    api = http.client(TestApi.class, server.base(), Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aStalledBodyEndsTheReadAtTheRequestTimeoutAndTheClientStillWorks()
      throws InterruptedException {
    server.then(Act.STALL_BODY, Act.STALL_BODY, Act.STALL_BODY);
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
            .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.getMessage()).contains("request-timeout").contains("500ms")
                  .contains("GET /things/a");
            }));
    assertThat(server.awaitSeen(ATTEMPTS, ATTEMPTS)).isTrue();
    assertThat(server.received).hasSize(ATTEMPTS);

    assertThat(http.calls().read(() -> api.get("b"))).containsEntry("ok", 1);
  }

  @Test
  void aHugeDeclaredLengthIsNotTrustedAndAStalledBodyStillEndsAtTheDeadline()
      throws InterruptedException {
    server.then(Act.STALL_HUGE_DECLARED, Act.STALL_HUGE_DECLARED, Act.STALL_HUGE_DECLARED);
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
            .isInstanceOfSatisfying(ProviderUnavailableException.class, e ->
                assertThat(e.getMessage()).contains("request-timeout")
                    .contains("the body stalled after the headers")));
    assertThat(server.awaitSeen(ATTEMPTS, ATTEMPTS)).isTrue();
    assertThat(http.calls().read(() -> api.get("b"))).containsEntry("ok", 1);
  }

  @Test
  void aReadRetriesAStalledBody() {
    server.then(Act.STALL_BODY, Act.OK);
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThat(http.calls().read(() -> api.get("a"))).containsEntry("ok", 1));
    assertThat(server.received).hasSize(2);
  }

  @Test
  void createIsNotRetriedAfterAStalledBody() throws InterruptedException {
    server.then(Act.STALL_BODY, Act.OK);
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of())))
            .isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(VendorCalls.noSessionStarted(e)).isFalse()));
    assertThat(server.awaitSeen(1, 1)).isTrue();
    assertThat(server.received).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(value = Act.class, names = {"RESET_AFTER_HEADERS", "EOF_AFTER_HEADERS"})
  void aBrokenOffAnswerIsATransportFailureThatReadsRetry(Act act) {
    server.then(act, Act.OK);
    assertThat(http.calls().read(() -> api.get("a"))).containsEntry("ok", 1);
    assertThat(server.received).hasSize(2);

    server.then(act, act, act);
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.getMessage()).contains("GET /things/a");
          if (act == Act.EOF_AFTER_HEADERS) {
            // (a reset may overtake the headers in the client's socket buffer: then it is a
            // failure before them, still retryable)
            assertThat(e.getMessage()).contains("after the headers");
          }
        });
  }

  @ParameterizedTest
  @EnumSource(value = Act.class, names = {"RESET_AFTER_HEADERS", "EOF_AFTER_HEADERS"})
  void createIsNotRetriedAfterABrokenOffAnswer(Act act) {
    server.then(act, Act.OK);
    assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of())))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(VendorCalls.noSessionStarted(e)).isFalse();
          assertThat(e.isOutcomeUnknown()).as("sent: the vendor may have acted").isTrue();
        });
    assertThat(server.received).hasSize(1);
  }

  @Test
  void aWholeButMalformedBodyIsAProtocolErrorAndNotRetried() {
    server.then(Act.MALFORMED, Act.OK);
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOfSatisfying(ProviderProtocolException.class, e -> {
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.bodyExcerpt()).contains("{\"ok\":");
        });
    assertThat(server.received).hasSize(1);
  }

  @Test
  void bodiesAreBoundedAndTheClientWorksAfterwards() {
    server.then(Act.HUGE_200);
    // a roomy request-timeout: on a loaded machine 16 MiB may take longer than 500 ms to read,
    // and the retry after that timeout would get the next (ordinary) answer
    VendorHttp roomy = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("10s")).build();
    TestApi patient = roomy.client(TestApi.class, server.base(), Map.of());
    assertThatThrownBy(() -> roomy.calls().read(() -> patient.get("a")))
        .isInstanceOfSatisfying(ProviderProtocolException.class, e ->
            assertThat(e.getMessage()).contains("more than " + VendorHttp.MAX_SUCCESS_BODY));
    server.then(Act.HUGE_500, Act.HUGE_500, Act.HUGE_500);
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.httpStatus()).hasValue(500);
          assertThat(e.getMessage()).contains("xxxx").hasSizeLessThan(VendorHttp.MAX_ERROR_BODY);
        });
    assertThat(http.calls().read(() -> api.get("b"))).containsEntry("ok", 1);
    roomy.close();
  }

  /**
   * An interrupt while the body of a small answer is read ends the call as interrupted, with the
   * flag set again, not as a retryable broken-off answer. Java 21+ only: Java 17's body stream
   * swallows the interrupt (documented on {@code JdkClient}), and the read ends at its deadline.
   */
  @Test
  void anInterruptWhileTheBodyIsReadEndsTheCallAsInterruptedWithTheFlagSet() {
    assumeTrue(Runtime.version().feature() >= 21, "Java 17's body stream swallows interrupts");
    server.then(Act.STALL_BODY);
    // a long request-timeout: only the interrupt can end the call soon
    VendorHttp patient = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("60s")).build();
    TestApi slow = patient.client(TestApi.class, server.base(), Map.of());
    CompletableFuture<Boolean> flagAfter = new CompletableFuture<>();
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        slow.get("a");
        failure.complete(null);
      } catch (Throwable t) {
        failure.complete(t);
      }
      flagAfter.complete(Thread.currentThread().isInterrupted());
    }, "interrupted-caller");
    caller.setDaemon(true);
    caller.start();
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        while (!readingTheBody(caller)) { // bounded by the timeout around it
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        caller.interrupt();
        assertThat(failure.get()).isInstanceOfSatisfying(ProviderUnavailableException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("Interrupted while waiting for Vendor")
                  .contains("GET /things/a");
              assertThat(e.isOutcomeUnknown()).isTrue();
            });
        assertThat(flagAfter.get()).as("the interrupt flag is set again").isTrue();
      });
    } finally {
      patient.close();
    }
  }

  private static boolean readingTheBody(Thread t) {
    return Arrays.stream(t.getStackTrace()).anyMatch(f ->
        f.getClassName().equals(BoundedBody.class.getName()) && f.getMethodName().equals("read"))
        && t.getState() == Thread.State.WAITING;
  }
}
