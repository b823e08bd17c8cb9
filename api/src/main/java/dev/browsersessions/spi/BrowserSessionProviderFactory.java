package dev.browsersessions.spi;

import dev.browsersessions.ProviderConfig;

/**
 * The {@link java.util.ServiceLoader} service a provider jar registers, in {@code
 * META-INF/services/dev.browsersessions.spi.BrowserSessionProviderFactory} and with {@code
 * provides} in its {@code module-info.java}. Implementations need a public no-argument
 * constructor.
 */
public interface BrowserSessionProviderFactory {

  /**
   * The provider's name: short, lower-case, stable. Users select a provider by it.
   *
   * @return e.g. {@code "notte"}
   */
  String name();

  /**
   * Builds a configured provider. Does no I/O; validates the configuration and fails fast, e.g.
   * naming a missing API key and the environment variable that sets it.
   *
   * @param config the configuration, bound to {@link #name()}
   * @return the provider
   * @throws dev.browsersessions.ProviderConfigurationException if the configuration is invalid
   */
  BrowserSessionProvider create(ProviderConfig config);
}
