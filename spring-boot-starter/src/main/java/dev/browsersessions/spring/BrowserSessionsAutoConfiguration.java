package dev.browsersessions.spring;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.micrometer.MicrometerSessionListener;
import dev.browsersessions.observe.SessionListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link BrowserSessions} bean, built from {@link BrowserSessionsProperties} and {@code
 * browsersessions.<provider>.*} (relaxed names, mapped to the provider's {@code ProviderConfig}
 * keys), with every {@link
 * SessionListener} bean registered on it; closed (stopping the sessions it started) when the
 * context closes. Runs after Boot's observation and metrics auto-configuration (Boot 3 and Boot 4
 * class names) so that a {@link MicrometerSessionListener} is added when the application has an
 * {@link ObservationRegistry} or a {@link MeterRegistry}.
 */
@AutoConfiguration(
    afterName = {
      // Boot 3.x
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
      // Boot 4.x (the same classes in their new modules)
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(BrowserSessions.class)
@EnableConfigurationProperties(BrowserSessionsProperties.class)
public class BrowserSessionsAutoConfiguration {

  /** Created by Spring. */
  public BrowserSessionsAutoConfiguration() {}

  /**
   * The client. Its provider is {@code browsersessions.provider}, or the only one on the class
   * path; with several and none named, startup fails with the list of those found.
   *
   * @param properties the starter's settings
   * @param environment where provider settings are read
   * @param listeners the application's listeners, in their {@code @Order}
   * @return the client
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public BrowserSessions browserSessions(
      BrowserSessionsProperties properties,
      Environment environment,
      ObjectProvider<SessionListener> listeners) {
    BrowserSessions.Builder builder =
        BrowserSessions.builder().stopSessionsOnClose(properties.isStopSessionsOnClose());
    String provider = providerName(properties);
    if (provider != null) {
      builder.provider(provider).config(ProviderProperties.configFor(environment, provider));
    }
    if (properties.getOwnerId() != null) {
      builder.ownerId(properties.getOwnerId());
    }
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  /** The named provider, or the only one found; {@code null} lets the client explain. */
  private static String providerName(BrowserSessionsProperties properties) {
    String named = properties.getProvider();
    if (named != null && !named.isBlank()) {
      return named.trim();
    }
    Set<String> found = BrowserSessions.available();
    return found.size() == 1 ? found.iterator().next() : null;
  }

  /** The Micrometer listener, when Micrometer is in use. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MicrometerSessionListener.class, MeterRegistry.class})
  static class MicrometerListenerConfiguration {

    /**
     * Records calls as observations (timers, spans) and the rest in the meter registry, if any.
     *
     * @param observations the application's observation registry
     * @param meters the application's meter registry, if it has one
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ObservationRegistry.class)
    MicrometerSessionListener browserSessionsObservationListener(
        ObservationRegistry observations, ObjectProvider<MeterRegistry> meters) {
      MicrometerSessionListener.Builder b =
          MicrometerSessionListener.builder().observationRegistry(observations);
      meters.ifAvailable(b::meterRegistry);
      return b.build();
    }

    /**
     * Without an observation registry: calls become timers in the meter registry.
     *
     * @param meters the application's meter registry
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean({MicrometerSessionListener.class, ObservationRegistry.class})
    @ConditionalOnBean(MeterRegistry.class)
    MicrometerSessionListener browserSessionsMeterListener(MeterRegistry meters) {
      return MicrometerSessionListener.of(meters);
    }
  }
}
