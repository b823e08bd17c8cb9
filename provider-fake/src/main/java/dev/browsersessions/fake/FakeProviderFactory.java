package dev.browsersessions.fake;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.fake.internal.FakeConfig;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;

/**
 * The {@link java.util.ServiceLoader} entry for the {@value FakeProvider#NAME} provider. Does no
 * I/O. Each key can be set explicitly, as the system property {@code browsersessions.fake.<key>}
 * or as the environment variable {@code BROWSERSESSIONS_FAKE_<KEY>}:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>Key</th><th>Meaning</th><th>Default</th></tr>
 *   <tr><td>{@code instance}</td><td>return the provider registered under this name with {@link
 *       FakeProviders#register}; no other key may be set with it</td><td>unset: build a new
 *       provider</td></tr>
 *   <tr><td>{@code capabilities}</td><td>comma-separated {@link dev.browsersessions.Capability}
 *       names (any case, {@code -} or {@code _}), or {@code none}</td><td>all</td></tr>
 *   <tr><td>{@code clock}</td><td>{@code mutable} (stands still until advanced through {@link
 *       FakeProvider#advanceClock}) or {@code system}</td><td>{@code mutable}</td></tr>
 *   <tr><td>{@code startup-delay}</td><td>how long new sessions stay {@code PENDING}, e.g.
 *       {@code 2s}</td><td>{@code 0s}</td></tr>
 *   <tr><td>{@code default-idle-timeout}</td><td>idle timeout granted when a request sets
 *       none</td><td>none</td></tr>
 *   <tr><td>{@code default-max-duration}</td><td>maximum duration granted when a request sets
 *       none</td><td>none</td></tr>
 * </table>
 *
 * An explicitly given key that is not in this table is refused, naming the known keys. Every
 * provider returned is also available from {@link FakeProviders#lastCreated()}.
 */
public final class FakeProviderFactory implements BrowserSessionProviderFactory {

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public FakeProviderFactory() {}

  /**
   * The provider's name.
   *
   * @return {@value FakeProvider#NAME}
   */
  @Override
  public String name() {
    return FakeProvider.NAME;
  }

  /**
   * Builds a fake provider from the configuration, or returns the registered one named by {@code
   * instance}.
   *
   * @param config the configuration
   * @return the provider
   * @throws ProviderConfigurationException naming the key, if a value is invalid or {@code
   *     instance} names no registered provider
   */
  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    ProviderConfig bound = config.forProvider(FakeProvider.NAME);
    FakeProvider provider = FakeConfig.instanceName(bound)
        .map(FakeProviderFactory::registered)
        .orElseGet(() -> FakeConfig.apply(bound, FakeProvider.builder()).build());
    FakeProviders.created(provider);
    return provider;
  }

  private static FakeProvider registered(String name) {
    return FakeProviders.registered(name)
        .orElseThrow(
            () ->
                new ProviderConfigurationException(
                    "No fake provider is registered under the name '" + name + "' (configuration"
                        + " key 'instance'). Register one before creating the client, with"
                        + " FakeProviders.register(\"" + name + "\", FakeProvider.builder().build()),"
                        + " or unset the key to get a new fake provider.",
                    FakeProvider.NAME,
                    FakeConfig.INSTANCE));
  }
}
