package dev.browsersessions.local;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.local.internal.LocalProvider;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;

/**
 * The {@code local} provider's factory, found by {@link java.util.ServiceLoader}: real headless
 * Chromium on this machine. Users select it with {@code BrowserSessions.create("local")}, or build
 * one from {@link LocalSettings} with {@link #create(LocalSettings)}. The configuration keys are
 * those of {@link LocalSettings}.
 */
public final class LocalProviderFactory implements BrowserSessionProviderFactory {

  /** The provider's name. */
  public static final String NAME = "local";

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public LocalProviderFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Builds the provider from configuration. Starts nothing.
   *
   * @param config the configuration
   * @return the provider
   * @throws dev.browsersessions.ProviderConfigurationException naming the key that is wrong
   */
  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    return create(LocalSettings.from(config));
  }

  /**
   * Builds the provider from settings. Starts nothing.
   *
   * @param settings the settings
   * @return the provider
   */
  public static BrowserSessionProvider create(LocalSettings settings) {
    return new LocalProvider(settings);
  }
}
