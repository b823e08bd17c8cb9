package dev.browsersessions.local.internal;

import dev.browsersessions.ProviderConfigurationException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the Chromium binary: an explicit path, else well-known names on the {@code PATH}. */
public final class ChromiumLocator {

  /** The names looked up on the {@code PATH}, in order. */
  public static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  private ChromiumLocator() {}

  /**
   * Finds the binary.
   *
   * @param explicit the configured path, if any
   * @param pathVariable the {@code PATH} value, or {@code null}
   * @return an executable file
   * @throws ProviderConfigurationException saying how to install Chromium or fix the path
   */
  public static Path locate(Optional<String> explicit, String pathVariable) {
    if (explicit.isPresent()) {
      Path p = Path.of(explicit.get());
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
      throw new ProviderConfigurationException(
          "Configuration 'chrome-path' for provider 'local' points to '" + p
              + "', which is not an executable file. Fix it, or unset chrome-path and CHROME_PATH"
              + " to search the PATH for " + NAMES + ".",
          "local",
          "chrome-path");
    }
    return onPath(pathVariable)
        .orElseThrow(
            () ->
                new ProviderConfigurationException(
                    "No Chromium found for provider 'local': none of " + NAMES
                        + " is on the PATH. Install it (on Debian/Ubuntu: apt-get install"
                        + " chromium) or set chrome-path / CHROME_PATH to the browser binary.",
                    "local",
                    "chrome-path"));
  }

  /**
   * Searches the {@code PATH}.
   *
   * @param pathVariable the {@code PATH} value, or {@code null}
   * @return the first executable found
   */
  public static Optional<Path> onPath(String pathVariable) {
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (dir.isBlank()) {
          continue;
        }
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
