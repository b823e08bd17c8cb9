package dev.browsersessions.selenium.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the chromedriver executable without Selenium Manager (which would try the network). */
public final class Chromedriver {

  /** The system property Selenium itself reads for the driver's path. */
  public static final String SYSTEM_PROPERTY = "webdriver.chrome.driver";

  private Chromedriver() {}

  /**
   * The chromedriver to use: the explicit one, else the {@value #SYSTEM_PROPERTY} system
   * property, else {@code chromedriver} on {@code PATH}.
   *
   * @param explicit the path set in the options, if any
   * @param pathEnv the {@code PATH} environment variable, or {@code null}
   * @return the executable, if one was found
   */
  public static Optional<Path> locate(Optional<Path> explicit, String pathEnv) {
    if (explicit.isPresent()) {
      return explicit;
    }
    String property = System.getProperty(SYSTEM_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    if (pathEnv == null) {
      return Optional.empty();
    }
    for (String dir : pathEnv.split(Pattern.quote(File.pathSeparator))) {
      if (!dir.isBlank()) {
        Path candidate = Path.of(dir, "chromedriver");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
