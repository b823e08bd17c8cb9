package dev.browsersessions.local;

import dev.browsersessions.local.testing.Chromium;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Path;

/**
 * The machine's Chromium for this module's tests that drive a real browser; the lookup itself is
 * {@link Chromium}, which other modules' tests use from the test-jar.
 */
final class RealChromium {

  private RealChromium() {}

  /**
   * The Chromium binary, or skips the calling test with the reason ({@link Chromium#require()}).
   *
   * @return the binary
   */
  static Path require() {
    return Chromium.require();
  }

  /**
   * Settings for the real browser and a state directory.
   *
   * @param stateDir the state directory
   * @return a builder to adjust
   */
  static LocalSettings.Builder settings(Path stateDir) {
    return LocalSettings.builder().chromium(require()).stateDir(stateDir);
  }

  /**
   * A provider on the real browser.
   *
   * @param stateDir the state directory
   * @return the provider
   */
  static BrowserSessionProvider provider(Path stateDir) {
    return provider(settings(stateDir).build());
  }

  /**
   * A provider with these settings.
   *
   * @param settings the settings
   * @return the provider
   */
  static BrowserSessionProvider provider(LocalSettings settings) {
    return LocalProviderFactory.create(settings);
  }
}
