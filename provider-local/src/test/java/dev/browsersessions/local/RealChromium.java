package dev.browsersessions.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.local.internal.ChromiumLocator;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the machine's Chromium for the tests that drive a real browser. */
final class RealChromium {

  private RealChromium() {}

  /**
   * The Chromium binary, or skips the calling test with the reason.
   *
   * @return the binary
   */
  static Path require() {
    Optional<Path> found =
        Optional.ofNullable(System.getenv("CHROME_PATH")).map(Path::of)
            .or(() -> ChromiumLocator.onPath(System.getenv("PATH")));
    assumeTrue(found.isPresent(),
        "No Chromium on this machine (apt-get install chromium); real-browser tests skipped");
    return found.get();
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
