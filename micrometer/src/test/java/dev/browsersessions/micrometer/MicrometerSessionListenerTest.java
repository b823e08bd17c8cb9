package dev.browsersessions.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.Retry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrometerSessionListenerTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeProvider fake = FakeProvider.builder().build();

  @Test
  void callsBecomeTimersByOperationAndOutcomeAndOpenSessionsAGauge() {
    MicrometerSessionListener listener = MicrometerSessionListener.of(meters);
    BrowserSessions sessions = BrowserSessions.builder().provider(fake).listener(listener).build();
    BrowserSession first = sessions.start(SessionRequest.defaults());
    sessions.start(SessionRequest.defaults());
    first.stop();
    assertThatThrownBy(() -> sessions.status("fake-missing"))
        .isInstanceOf(SessionNotFoundException.class);

    assertThat(timer("start", "success").count()).isEqualTo(2);
    assertThat(timer("stop", "success").count()).isEqualTo(1);
    assertThat(meters.get(SessionMetrics.CALLS)
            .tags("operation", "status", "outcome", "failure",
                "exception", "SessionNotFoundException")
            .timer().count())
        .isEqualTo(1);
    assertThat(meters.get(SessionMetrics.OPEN).tag("provider", "fake").gauge().value())
        .isEqualTo(1.0);

    sessions.close();

    assertThat(meters.get(SessionMetrics.OPEN).tag("provider", "fake").gauge().value())
        .isZero();
    assertThat(meters.get(SessionMetrics.LEAK_GUARD_STOPS)
            .tags("provider", "fake", "trigger", "close", "outcome", "success")
            .counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void noMeterIsTaggedWithASessionId() {
    MicrometerSessionListener listener = MicrometerSessionListener.of(meters);
    try (BrowserSessions sessions =
        BrowserSessions.builder().provider(fake).listener(listener).build()) {
      sessions.start(SessionRequest.defaults()).stop();
    }
    assertThat(meters.getMeters()).isNotEmpty();
    for (Meter m : meters.getMeters()) {
      assertThat(m.getId().getName()).startsWith("browser.sessions.");
      assertThat(m.getId().getTags()).extracting(Tag::getValue)
          .noneMatch(v -> v.startsWith("fake-"));
    }
  }

  @Test
  void callsAreObservationsWithASpanNameAndTheSessionIdOnlyAsHighCardinality() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    MicrometerSessionListener listener =
        MicrometerSessionListener.builder().observationRegistry(observations).build();
    String id;
    try (BrowserSessions sessions =
        BrowserSessions.builder().provider(fake).listener(listener).build()) {
      id = sessions.start(SessionRequest.defaults()).id();
    }
    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(SessionMetrics.CALLS, 2)
        .hasAnObservation(o -> o.hasContextualNameEqualTo("browser-sessions start")
            .hasLowCardinalityKeyValue("provider", "fake")
            .hasLowCardinalityKeyValue("operation", "start")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasLowCardinalityKeyValue("exception", "none")
            .hasHighCardinalityKeyValue(SessionMetrics.SESSION_ID, id)
            .doesNotHaveError());
  }

  @Test
  void providerReportsAndLeakGuardFailuresAreCounted() {
    MicrometerSessionListener listener = MicrometerSessionListener.of(meters);
    listener.retrying(new Retry("notte", Operation.START, 2, Duration.ofMillis(200),
        new ProviderUnavailableException("503", "notte", 503, null)));
    listener.retrying(new Retry("notte", Operation.START, 3, Duration.ofMillis(400),
        new ProviderUnavailableException("503", "notte", 503, null)));
    listener.lostCreate(new LostCreate("notte", LostCreate.Resolution.STOPPED,
        Optional.of("s-9")));

    assertThat(meters.get(SessionMetrics.RETRIES)
            .tags("provider", "notte", "operation", "start",
                "exception", "ProviderUnavailableException")
            .counter().count())
        .isEqualTo(2.0);
    assertThat(meters.get(SessionMetrics.LOST_CREATES)
            .tags("provider", "notte", "resolution", "stopped").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aListenerNeedsAtLeastOneRegistry() {
    assertThatThrownBy(() -> MicrometerSessionListener.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("observationRegistry(...)");
  }

  private Timer timer(String operation, String outcome) {
    return meters.get(SessionMetrics.CALLS)
        .tags("provider", "fake", "operation", operation, "outcome", outcome)
        .timer();
  }
}
