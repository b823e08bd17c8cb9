package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.http.ScriptedServer.Answer;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.observe.Retry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code operation-timeout} bounds a whole operation, attempts and retries together (a stop's
 * confirmation reads too), against a vendor that accepts connections and never answers; each
 * retry is logged at INFO with the attempt and the time left, and reported to the provider's
 * events before its wait.
 */
class OperationTimeoutTest {

  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(1);

  /**
   * A generous bound derived from the deadline: without it one attempt alone would take the 10 s
   * request-timeout, and the retries four times that.
   */
  private static final Duration ENDS_WITHIN = OPERATION_TIMEOUT.multipliedBy(5);

  private ScriptedServer server;
  private VendorHttp http;
  private TestApi api;

  private static HttpSettings settings(Duration operationTimeout) {
    return HttpSettings.from(ProviderConfig.builder()
        .put("max-retries", "3").put("retry-initial-backoff", "1ms")
        .put("retry-max-backoff", "5s").put("request-timeout", "10s")
        .put("operation-timeout", operationTimeout.toMillis() + "ms")
        .build().forProvider("t"));
  }

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    http = VendorHttp.builder("t", "Vendor", settings(OPERATION_TIMEOUT)).build();
    api = http.client(TestApi.class, server.base(), Map.of());
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  @Test
  void aVendorThatNeverAnswersCannotHoldAReadPastTheOperationTimeout() {
    for (int i = 0; i < 4; i++) {
      server.then(Answer.hanging());
    }
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
            .isInstanceOf(ProviderUnavailableException.class)
            .hasMessageContaining(HttpSettings.OPERATION_TIMEOUT));
  }

  @Test
  void aCreateAndWhatItDoesAfterShareOneDeadline() {
    for (int i = 0; i < 4; i++) {
      server.then(Answer.hanging());
    }
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThatThrownBy(() -> http.calls().within(Operation.START, () -> {
          try {
            return http.calls().create(() -> api.create(Map.of()));
          } catch (ProviderUnavailableException lost) {
            return http.calls().read(() -> api.get("reconcile")); // a lookup after a lost create
          }
        })).isInstanceOf(ProviderUnavailableException.class)
            .hasMessageContaining("has passed"));
  }

  @Test
  void aStopConfirmationReadCutByTheDeadlineIsAStopNotConfirmed() {
    server.then(Answer.of(200, "{\"status\":\"active\"}")).then(Answer.hanging());
    MutableClock clock = MutableClock.startingNow();
    // the stop's own deadline (30 s, on a clock the pauses move) is far: operation-timeout ends it
    TerminalWait confirmation = new TerminalWait("t", Duration.ofSeconds(30),
        Duration.ofMillis(500), clock, clock::advance);
    Function<String, SessionStatus> status =
        s -> "closed".equals(s) ? SessionStatus.CLOSED : SessionStatus.ACTIVE;
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThatThrownBy(() -> http.calls().within(Operation.STOP, () -> confirmation.await(
            "s-1", "active", status,
            () -> String.valueOf(http.calls().read(() -> api.get("s-1")).get("status")))))
            .isInstanceOfSatisfying(StopNotConfirmedException.class, e -> {
              assertThat(e.lastStatus()).isEqualTo(SessionStatus.ACTIVE);
              assertThat(e).hasMessageContaining("operation-timeout (PT1S)");
              assertThat(e.getSuppressed()).singleElement()
                  .isInstanceOf(ProviderUnavailableException.class);
            }));
    assertThat(server.received).hasSize(2);
  }

  @Test
  void noRetryWaitsPastTheDeadline() {
    Map<String, String> slowDown = Map.of("Content-Type", "application/json", "Retry-After", "5");
    for (int i = 0; i < 4; i++) {
      server.then(Answer.of(429, "{}", slowDown));
    }
    assertTimeoutPreemptively(ENDS_WITHIN, () ->
        assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
            .isInstanceOf(ProviderUnavailableException.class));
    assertThat(server.received).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void eachRetryIsLoggedWithTheAttemptAndTheTimeLeftAndReportedBeforeItsWait() {
    // a roomy deadline: this test counts retries, it does not want the deadline to end them
    Duration roomy = Duration.ofSeconds(60);
    http.close();
    http = VendorHttp.builder("t", "Vendor", settings(roomy)).build();
    api = http.client(TestApi.class, server.base(), Map.of());
    List<Retry> retries = new CopyOnWriteArrayList<>();
    http.calls().reportTo(new ProviderEvents() {
      @Override
      public void retrying(Retry retry) {
        retries.add(retry);
      }

      @Override
      public void lostCreate(LostCreate lostCreate) {}
    });
    server.then(Answer.of(503, "{}")).then(Answer.of(502, "{}")).then(Answer.of(200, "{}"));
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger(VendorCalls.class.getName());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      http.calls().within(Operation.LIST, () -> http.calls().read(() -> api.get("a")));
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(retries).extracting(Retry::attempt).containsExactly(2, 3);
    assertThat(retries).allSatisfy(r -> {
      assertThat(r.provider()).isEqualTo("t");
      assertThat(r.operation()).isEqualTo(Operation.LIST);
      assertThat(r.delay()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    });
    assertThat(retries.get(0).failure()).isInstanceOf(ProviderUnavailableException.class);
    assertThat(logged).filteredOn(r -> r.getLevel() == Level.INFO).hasSize(2)
        .extracting(LogRecord::getMessage)
        .allSatisfy(m -> assertThat(m).contains("ms left of operation-timeout"))
        .anySatisfy(m -> assertThat(m).contains("attempt 2 of 4"))
        .anySatisfy(m -> assertThat(m).contains("attempt 3 of 4"));
  }
}
