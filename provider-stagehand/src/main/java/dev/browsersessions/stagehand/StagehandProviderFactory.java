package dev.browsersessions.stagehand;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import dev.browsersessions.stagehand.internal.StagehandProviders;

/**
 * The {@code stagehand} provider's factory, found by {@link java.util.ServiceLoader}: sessions on
 * Browserbase started and ended through the Stagehand v3 REST API. Users select it with {@code
 * BrowserSessions.create("stagehand")} rather than calling it. The configuration keys are {@link
 * StagehandSettings}' (listed in the README; each also {@code -Dbrowsersessions.stagehand.<key>}
 * and {@code BROWSERSESSIONS_STAGEHAND_<KEY>}) plus provider-http's HTTP keys.
 */
public final class StagehandProviderFactory implements BrowserSessionProviderFactory {

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public StagehandProviderFactory() {}

  @Override
  public String name() {
    return StagehandSettings.PROVIDER_NAME;
  }

  /**
   * Builds the provider. Sends nothing: one short-lived daemon thread prepares what its first call
   * needs, and holds nothing afterwards; the provider's {@code close()} gives back the shared HTTP
   * client its calls took.
   *
   * @param config the configuration
   * @return the provider
   * @throws dev.browsersessions.ProviderConfigurationException when {@value
   *     StagehandSettings#API_KEY} is missing or a setting is malformed, naming the key
   */
  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    return StagehandProviders.create(config);
  }
}
