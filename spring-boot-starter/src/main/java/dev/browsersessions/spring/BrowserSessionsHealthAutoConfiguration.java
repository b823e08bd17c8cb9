package dev.browsersessions.spring;

import dev.browsersessions.BrowserSessions;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator health indicator {@code browserSessions} ({@code
 * management.health.browsersessions.enabled=false} turns it off). Only with Boot 3's Actuator on
 * the class path: Boot 4 moved {@code HealthIndicator} to another package, and there this
 * configuration steps aside.
 */
@AutoConfiguration(after = BrowserSessionsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
@ConditionalOnBean(BrowserSessions.class)
@ConditionalOnEnabledHealthIndicator("browsersessions")
public class BrowserSessionsHealthAutoConfiguration {

  /** Created by Spring. */
  public BrowserSessionsHealthAutoConfiguration() {}

  /**
   * The indicator.
   *
   * @param sessions the client
   * @param properties the starter's settings
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "browserSessionsHealthIndicator")
  public BrowserSessionsHealthIndicator browserSessionsHealthIndicator(
      BrowserSessions sessions, BrowserSessionsProperties properties) {
    return new BrowserSessionsHealthIndicator(sessions, properties.isHealthChecksProvider());
  }
}
