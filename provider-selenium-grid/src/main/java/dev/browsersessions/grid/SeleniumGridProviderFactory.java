package dev.browsersessions.grid;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.grid.internal.SeleniumGridProvider;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.time.Clock;
import java.util.Objects;

/**
 * Registers the {@code selenium-grid} provider with {@link java.util.ServiceLoader}: browser
 * sessions on a self-hosted Selenium Grid 4 (standalone, hub and nodes, or Kubernetes). The
 * configuration keys are listed on {@link SeleniumGridSettings}; building a provider sends nothing
 * (see {@link #provider(SeleniumGridSettings)}).
 */
public final class SeleniumGridProviderFactory implements BrowserSessionProviderFactory {

  /** Creates the factory; ServiceLoader calls this. */
  public SeleniumGridProviderFactory() {}

  @Override
  public String name() {
    return SeleniumGridSettings.PROVIDER;
  }

  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    return provider(SeleniumGridSettings.from(config));
  }

  /**
   * Builds a provider from typed settings; sends nothing. One short-lived daemon thread prepares
   * what its first call needs (the shared HTTP client, the JSON mapper and readers) and holds
   * nothing afterwards; the provider takes the shared HTTP client on its first call and its {@code
   * close()} gives it back.
   *
   * @param settings the settings
   * @return the provider
   */
  public static BrowserSessionProvider provider(SeleniumGridSettings settings) {
    return provider(settings, Clock.systemUTC());
  }

  /**
   * Builds a provider whose idle timeouts and maximum durations are measured on a given clock
   * (tests pass one they can move).
   *
   * @param settings the settings
   * @param clock the clock
   * @return the provider
   */
  public static BrowserSessionProvider provider(SeleniumGridSettings settings, Clock clock) {
    return new SeleniumGridProvider(Objects.requireNonNull(settings, "settings"),
        Objects.requireNonNull(clock, "clock"), Sleeper.SYSTEM);
  }
}
