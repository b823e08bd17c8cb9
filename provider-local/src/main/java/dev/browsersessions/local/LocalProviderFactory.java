package dev.browsersessions.local;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.local.internal.ChromiumLocator;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Registers the {@code local} provider with {@link java.util.ServiceLoader}.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code chrome-path} (also {@code CHROME_PATH})</td><td>first of chromium,
 *       chromium-browser, google-chrome on the PATH</td><td>the browser binary</td></tr>
 *   <tr><td>{@code state-dir}</td><td>{@code ~/.browser-sessions/local}</td><td>where sessions
 *       are recorded for other processes</td></tr>
 *   <tr><td>{@code start-timeout}</td><td>{@code 30s}</td><td>how long Chromium may take to
 *       print its DevTools URL</td></tr>
 *   <tr><td>{@code stop-grace}</td><td>{@code 5s}</td><td>how long a stopped browser may take to
 *       exit before it is killed</td></tr>
 *   <tr><td>{@code record-retention}</td><td>{@code 1d}</td><td>how long records of ended
 *       sessions are kept</td></tr>
 * </table>
 */
public final class LocalProviderFactory implements BrowserSessionProviderFactory {

  /** Creates the factory; ServiceLoader calls this. */
  public LocalProviderFactory() {}

  @Override
  public String name() {
    return LocalProvider.NAME;
  }

  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    ProviderConfig c = config.withVendorVariable("chrome-path", "CHROME_PATH");
    LocalProvider.Builder b = LocalProvider.builder();
    b.chromium(ChromiumLocator.locate(c.getString("chrome-path"), System.getenv("PATH")));
    c.getString("state-dir").map(Path::of).ifPresent(b::stateDir);
    b.startTimeout(c.getDuration("start-timeout", Duration.ofSeconds(30)));
    b.stopGrace(c.getDuration("stop-grace", Duration.ofSeconds(5)));
    b.recordRetention(c.getDuration("record-retention", Duration.ofDays(1)));
    return b.build();
  }
}
