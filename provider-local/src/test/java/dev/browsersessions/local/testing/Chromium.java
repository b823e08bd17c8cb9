package dev.browsersessions.local.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.local.LocalProviderFactory;
import dev.browsersessions.local.LocalSettings;
import dev.browsersessions.local.internal.ChromiumLocator;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's Chromium for tests that drive a real browser, found the way the {@code local}
 * provider finds it when nothing is set in code: the key {@code chrome-path} (system property
 * {@code browsersessions.local.chrome-path}, then the environment variables {@code
 * BROWSERSESSIONS_LOCAL_CHROME_PATH} and {@code CHROME_PATH}), else the first of {@link
 * ChromiumLocator#NAMES} ({@code chromium}, {@code chromium-browser}, {@code google-chrome}) on the
 * {@code PATH}.
 *
 * <p>A test on a machine without Chromium is skipped; a configured path that is not an executable
 * file fails it, as it would fail the provider. Published in provider-local's test-jar for the
 * tests of the other modules (the command line, the Playwright connector, the examples).
 */
public final class Chromium {

  private Chromium() {}

  /**
   * The Chromium binary, or skips the calling test saying how to install one.
   *
   * @return an executable file
   * @throws ProviderConfigurationException when a configured path is not an executable file
   */
  public static Path require() {
    Optional<Path> found = find();
    assumeTrue(found.isPresent(),
        "No Chromium on this machine (apt-get install chromium, or set CHROME_PATH);"
            + " real-browser tests skipped");
    return found.get();
  }

  /** The Chromium binary, if this machine has one; a configured path must be executable. */
  private static Optional<Path> find() {
    Optional<String> configured =
        ProviderConfig.empty()
            .forProvider(LocalProviderFactory.NAME)
            .withVendorVariable(LocalSettings.CHROME_PATH, "CHROME_PATH")
            .getString(LocalSettings.CHROME_PATH);
    String path = System.getenv("PATH");
    return configured.isPresent()
        ? Optional.of(ChromiumLocator.locate(configured, path))
        : ChromiumLocator.onPath(path);
  }
}
