package dev.browsersessions.notte;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;

/**
 * Registers the {@code notte} provider with {@link java.util.ServiceLoader}. The configuration keys
 * are {@link NotteSettings}' (listed in the README) plus provider-http's HTTP keys; Notte-only
 * operations are on {@link NotteExtras}.
 */
public final class NotteProviderFactory implements BrowserSessionProviderFactory {

  /** Creates the factory; ServiceLoader calls this. */
  public NotteProviderFactory() {}

  @Override
  public String name() {
    return NotteSettings.PROVIDER_NAME;
  }

  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    return NotteProviders.create(config);
  }
}
