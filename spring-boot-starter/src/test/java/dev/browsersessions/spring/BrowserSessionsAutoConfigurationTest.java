package dev.browsersessions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.fake.FakeProviders;
import dev.browsersessions.micrometer.MicrometerSessionListener;
import dev.browsersessions.observe.CallObserver;
import dev.browsersessions.observe.CallStarted;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.SessionListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BrowserSessionsAutoConfigurationTest {

  private static final String INSTANCE = "starter-test";

  private final FakeProvider fake =
      FakeProviders.register(INSTANCE, FakeProvider.builder().build());

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  BrowserSessionsAutoConfiguration.class,
                  BrowserSessionsHealthAutoConfiguration.class))
          .withPropertyValues("browsersessions.fake.instance=" + INSTANCE);

  @AfterEach
  void unregister() {
    FakeProviders.unregister(INSTANCE);
  }

  @Test
  void theClientUsesTheProviderPropertiesAndStopsItsSessionsWhenTheContextCloses() {
    String[] id = new String[1];
    runner.withPropertyValues("browsersessions.provider=fake", "browsersessions.owner-id=shop")
        .run(context -> {
          BrowserSessions sessions = context.getBean(BrowserSessions.class);
          assertThat(sessions.provider()).isEqualTo("fake");
          assertThat(sessions.ownerId()).isEqualTo("shop");
          BrowserSession s = sessions.start(SessionRequest.defaults());
          id[0] = s.id();
          assertThat(fake.session(s.id())).isPresent(); // the registered instance, by property
        });
    assertThat(fake.session(id[0]).orElseThrow().isTerminal())
        .as("closing the context stopped the session").isTrue();
  }

  @Test
  void providerKeysBindWithRelaxedNames() {
    runner.withPropertyValues(
            "browsersessions.notte.apiKey=k-1",
            "browsersessions.notte.max_retries=3",
            "browsersessions.notte.retry.max-backoff=5s")
        .run(context -> {
          ProviderConfig config = ProviderProperties.configFor(context.getEnvironment(), "notte");
          assertThat(config.explicitKeys())
              .containsExactlyInAnyOrder("api-key", "max-retries", "retry.max-backoff");
          assertThat(config.getString("api-key")).contains("k-1");
          assertThat(config.getInt("max-retries", 0, 0, 10)).isEqualTo(3);
          assertThat(config.toString()).doesNotContain("k-1");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"nope", "Fake_Provider"})
  void anUnknownProviderFailsStartupNamingWhatWasFound(String name) {
    runner.withPropertyValues("browsersessions.provider=" + name)
        .run(context -> assertThat(context).hasFailed()
            .getFailure().rootCause()
            .isInstanceOf(ProviderNotFoundException.class)
            .hasMessageContaining(name).hasMessageContaining("fake"));
  }

  @Test
  void withMicrometerTheListenerRecordsCallsAndOpenSessions() {
    runner.withConfiguration(
            AutoConfigurations.of(
                ObservationAutoConfiguration.class,
                MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasSingleBean(MicrometerSessionListener.class);
          context.getBean(BrowserSessions.class).start(SessionRequest.defaults());
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.get("browser.sessions.calls")
                  .tags("provider", "fake", "operation", "start", "outcome", "success")
                  .timer().count())
              .isEqualTo(1);
          assertThat(meters.get("browser.sessions.open").tag("provider", "fake").gauge().value())
              .isEqualTo(1.0);
        });
  }

  @Test
  void withOnlyAMeterRegistryCallsBecomeTimersInIt() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          assertThat(context).hasSingleBean(MicrometerSessionListener.class);
          context.getBean(BrowserSessions.class).start(SessionRequest.defaults());
          assertThat(context.getBean(MeterRegistry.class).get("browser.sessions.calls")
                  .tags("operation", "start").timer().count())
              .isEqualTo(1);
        });
  }

  @Test
  void sessionListenerBeansHearTheClient() {
    List<Operation> heard = new CopyOnWriteArrayList<>();
    SessionListener recorder = new SessionListener() {
      @Override
      public CallObserver callStarted(CallStarted call) {
        heard.add(call.operation());
        return CallObserver.NONE;
      }
    };
    runner.withBean(SessionListener.class, () -> recorder)
        .run(context -> context.getBean(BrowserSessions.class).start(SessionRequest.defaults()));
    assertThat(heard).containsExactly(Operation.START, Operation.STOP); // the stop on close
  }

  @Test
  void withoutMicrometerBeansThereIsNoListener() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerSessionListener.class);
      assertThat(context).hasSingleBean(BrowserSessions.class);
    });
  }

  @Test
  void theHealthIndicatorReportsTheProviderAndOpenSessions() {
    runner.run(context -> {
      context.getBean(BrowserSessions.class).start(SessionRequest.defaults());
      Health health = context.getBean(BrowserSessionsHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("provider", "fake")
          .containsEntry("openSessions", 1)
          .containsEntry("providerReachable", true)
          .containsEntry("activeAtProvider", 1);
    });
  }

  @Test
  void theHealthIndicatorIsDownWhenTheProviderFails() {
    runner.run(context -> {
      fake.failNext(dev.browsersessions.fake.FakeOperation.LIST,
          () -> new dev.browsersessions.ProviderUnavailableException(
              "vendor down", "fake", 503, null));
      Health health = context.getBean(BrowserSessionsHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    });
  }

  @Test
  void theHealthIndicatorStepsAsideWithoutActuatorOrWhenDisabled() {
    runner.withClassLoader(new FilteredClassLoader(AbstractHealthIndicator.class))
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(BrowserSessionsHealthIndicator.class));
    runner.withPropertyValues("management.health.browsersessions.enabled=false")
        .run(context -> assertThat(context)
            .doesNotHaveBean(BrowserSessionsHealthIndicator.class));
  }
}
