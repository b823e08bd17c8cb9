package dev.browsersessions.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runnable jar with a real headless Chromium ({@code /usr/bin/chromium}, or {@code
 * -Dchromium.path}); the sessions are recorded in a temporary state directory, so a later process
 * finds them.
 */
class LocalJarIT extends JarLifecycleContract {

  private static Path chromium;

  @BeforeAll
  static void findChromium() {
    chromium = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium);
  }

  @Override
  String provider() {
    return "local";
  }

  @Override
  JarProcess jar() {
    return new JarProcess(work);
  }

  @Override
  List<String> config() {
    return List.of("chrome-path=" + chromium, "state-dir=" + work.resolve("state"));
  }
}
