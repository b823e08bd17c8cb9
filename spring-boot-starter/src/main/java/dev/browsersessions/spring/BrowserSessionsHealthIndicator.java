package dev.browsersessions.spring;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the {@link BrowserSessions} client: {@code UP} with the provider's name and the
 * sessions this application has open; when the provider can list and {@code
 * browsersessions.health-checks-provider} is on (the default), also whether the provider answers,
 * with its count of active sessions ({@code DOWN} with the failure when it does not). Each health
 * request then makes one {@code list} call to the vendor.
 */
public class BrowserSessionsHealthIndicator extends AbstractHealthIndicator {

  private final BrowserSessions sessions;
  private final boolean checkProvider;

  /**
   * Creates the indicator.
   *
   * @param sessions the client
   * @param checkProvider whether to call the provider
   */
  public BrowserSessionsHealthIndicator(BrowserSessions sessions, boolean checkProvider) {
    super("browser-sessions health check failed");
    this.sessions = sessions;
    this.checkProvider = checkProvider;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("provider", sessions.provider())
        .withDetail("openSessions", sessions.openSessions().size());
    if (checkProvider && sessions.capabilities().contains(Capability.LIST)) {
      int active = sessions.list(SessionFilter.active()).size();
      builder.withDetail("providerReachable", true).withDetail("activeAtProvider", active);
    } else {
      builder.withDetail("providerReachable", "not checked");
    }
    builder.up();
  }
}
