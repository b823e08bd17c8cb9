package dev.browsersessions.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own settings under {@code browsersessions}. Provider settings live beside them as
 * {@code browsersessions.<provider>.<key>} (e.g. {@code browsersessions.notte.api-key}) and are
 * handed to the provider as its {@code ProviderConfig}, with Spring's relaxed names ({@code
 * api-key}, {@code apiKey} and {@code api_key} are all the key {@code api-key}).
 */
@ConfigurationProperties(prefix = "browsersessions")
public class BrowserSessionsProperties {

  /**
   * The provider to use, e.g. notte, stagehand, local or fake. Unset: the only provider on the
   * class path.
   */
  private String provider;

  /** The id sessions are tagged with (browser-sessions-owner); unset: a random id per start. */
  private String ownerId;

  /** Whether closing the context stops the sessions the application started and left open. */
  private boolean stopSessionsOnClose = true;

  /** Whether the health indicator asks the provider for its active sessions (needs LIST). */
  private boolean healthChecksProvider = true;

  /** Creates the default settings. */
  public BrowserSessionsProperties() {}

  /**
   * The provider's name.
   *
   * @return the name, or {@code null} when unset
   */
  public String getProvider() {
    return provider;
  }

  /**
   * Sets the provider's name.
   *
   * @param provider the name
   */
  public void setProvider(String provider) {
    this.provider = provider;
  }

  /**
   * The owner id.
   *
   * @return the id, or {@code null} when unset
   */
  public String getOwnerId() {
    return ownerId;
  }

  /**
   * Sets the owner id.
   *
   * @param ownerId the id
   */
  public void setOwnerId(String ownerId) {
    this.ownerId = ownerId;
  }

  /**
   * Whether closing the context stops open sessions.
   *
   * @return {@code true} by default
   */
  public boolean isStopSessionsOnClose() {
    return stopSessionsOnClose;
  }

  /**
   * Sets whether closing the context stops open sessions.
   *
   * @param stopSessionsOnClose whether to stop them
   */
  public void setStopSessionsOnClose(boolean stopSessionsOnClose) {
    this.stopSessionsOnClose = stopSessionsOnClose;
  }

  /**
   * Whether the health indicator calls the provider.
   *
   * @return {@code true} by default
   */
  public boolean isHealthChecksProvider() {
    return healthChecksProvider;
  }

  /**
   * Sets whether the health indicator calls the provider.
   *
   * @param healthChecksProvider whether it does
   */
  public void setHealthChecksProvider(boolean healthChecksProvider) {
    this.healthChecksProvider = healthChecksProvider;
  }
}
