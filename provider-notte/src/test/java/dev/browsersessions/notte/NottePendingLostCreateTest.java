package dev.browsersessions.notte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.internal.NotteProvider;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.sim.LogCapture;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.io.IOException;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lost create that cannot be resolved when it fails (the soak's last escapes: the provider's own
 * list or stop call faulted) stays pending: its session is stopped after the next failed create or
 * at {@code close()}, and what {@code close()} still cannot resolve is reported loudly.
 */
class NottePendingLostCreateTest {

  private static final String KEY = "nk-pending-1";
  private static final String NOT_JSON = "{not json]";
  private final MutableClock clock = MutableClock.startingNow();
  private NotteSimulator sim;

  @BeforeEach
  void start() throws IOException {
    sim = new NotteSimulator(clock, KEY);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private NotteProvider provider() {
    return provider("5s");
  }

  /**
   * A provider whose lost-create wait is {@code skew}: with 1 ms a lookup that fails is retried
   * once (the sleeper moves the simulator's clock past the wait), so the create stays pending.
   */
  private NotteProvider provider(String skew) {
    return NotteProviders.create(ProviderConfig.builder()
        .put("api-key", KEY).put("base-url", sim.baseUrl().toString())
        .put("request-timeout", "10s").put("retry-initial-backoff", "1ms")
        .put("retry-max-backoff", "5ms").put("stop-poll-interval", "1ms")
        .put("lost-create-wait", skew).build(), clock, clock::advance);
  }

  /** Makes the next lists fail (more than a 1 ms window looks), until {@code clearInjected}. */
  private void failLookups() {
    for (int i = 0; i < 3; i++) {
      sim.inject("GET", "/sessions", 200, NOT_JSON);
    }
  }

  private long stopsReceived() {
    return sim.received.stream().filter(r -> r.method().equals("DELETE")).count();
  }

  @Test
  void aLookupThatFailsIsRetriedWithinTheWindow() {
    NotteProvider notte = provider();
    sim.dropStartAnswers(1);
    sim.inject("GET", "/sessions", 200, NOT_JSON);

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .hasMessageContaining("was found and stopped");

    assertThat(sim.activeCount()).isZero();
  }

  @Test
  void aLostCreateWhoseLookupFailedIsStoppedAtClose() {
    NotteProvider notte = provider("1ms");
    sim.dropStartAnswers(1);
    failLookups();

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("looking for it failed")
        .hasMessageContaining("looked for again");
    sim.clearInjected();
    assertThat(sim.activeCount()).as("left running until the next look").isEqualTo(1);

    notte.close();

    assertThat(sim.activeCount()).isZero();
    assertThat(stopsReceived()).isEqualTo(1);
  }

  @Test
  void aLostCreateWhoseLookupFailedIsStoppedAfterTheNextFailedCreate() {
    NotteProvider notte = provider("1ms");
    sim.dropStartAnswers(2);
    failLookups();
    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .hasMessageContaining("looking for it failed");
    sim.clearInjected();

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .hasMessageContaining("was found and stopped");

    assertThat(sim.activeCount()).as("both lost sessions stopped, no close needed").isZero();
    assertThat(sim.startsReceived()).isEqualTo(2);
  }

  @Test
  void aLostSessionWhoseStopFailedIsStoppedAtClose() {
    NotteProvider notte = provider();
    sim.dropStartAnswers(1);
    sim.inject("DELETE", "/sessions/", 200, NOT_JSON);

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .hasMessageContaining("stopping it failed")
        .hasMessageContaining("looked for again");
    assertThat(sim.activeCount()).isEqualTo(1);

    notte.close();

    assertThat(sim.activeCount()).isZero();
  }

  @Test
  void aSessionAnotherCreateReturnedIsNotStoppedAtClose() {
    NotteProvider notte = provider("1ms");
    sim.dropStartAnswers(1);
    failLookups();
    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .hasMessageContaining("looking for it failed");
    sim.clearInjected();
    String kept = notte.create(SessionRequest.defaults()).id(); // same request, same window

    notte.close();

    assertThat(sim.statusOf(kept)).isEqualTo("active");
    assertThat(sim.activeCount()).isEqualTo(1);
  }

  @Test
  void closeReportsALostCreateItStillCannotLookForAndLogsAWarning() {
    LogCapture capture = LogCapture.logs();
    try {
      NotteProvider notte = provider("1ms");
      sim.dropStartAnswers(1);
      failLookups(); // and the look at close fails too
      assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
          .hasMessageContaining("looking for it failed");

      BrowserSessionException e = catchThrowableOfType(notte::close, BrowserSessionException.class);

      assertThat(e).isNotNull().hasMessageContaining("could not be resolved at close")
          .hasMessageContaining("create sent at").hasMessageContaining("failed at")
          .hasMessageContaining("looking for it again failed")
          .hasMessageContaining("sessions.list(");
      assertThat(capture.records(Level.WARNING)).singleElement()
          .satisfies(r -> assertThat(r.getMessage()).contains("could not be resolved at close"));
      assertThat(sim.activeCount()).isEqualTo(1);
    } finally {
      capture.close();
    }
  }

  @Test
  void closeNamesALostSessionItStillCannotStop() {
    NotteProvider notte = provider();
    sim.dropStartAnswers(1);
    sim.inject("DELETE", "/sessions/", 200, NOT_JSON);
    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()));
    sim.inject("DELETE", "/sessions/", 200, NOT_JSON);

    SessionCleanupException e = catchThrowableOfType(notte::close, SessionCleanupException.class);

    assertThat(e).isNotNull();
    assertThat(e.sessionIds()).singleElement()
        .satisfies(id -> assertThat(sim.statusOf(id)).isEqualTo("active"));
    assertThat(e.getSuppressed()).anySatisfy(s ->
        assertThat(s).hasMessageContaining("found but not stopped"));
  }

  @Test
  void closeWithNothingPendingCallsNothing() {
    NotteProvider notte = provider();
    notte.close();
    assertThat(sim.received).isEmpty();
  }
}
