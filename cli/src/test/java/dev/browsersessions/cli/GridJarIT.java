package dev.browsersessions.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.grid.GridProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runnable jar against a real standalone Selenium Grid on loopback (Debian's chromedriver and
 * Chromium), as provider-selenium-grid's README starts one.
 */
class GridJarIT extends JarLifecycleContract {

  private static GridProcess grid;

  @BeforeAll
  static void startGrid() throws IOException {
    assumeTrue(GridProcess.available(), "chromedriver and chromium are not installed");
    grid = GridProcess.standalone(Files.createDirectories(work.resolve("grid")), 2);
  }

  @AfterAll
  static void stopGrid() {
    if (grid != null) {
      grid.close();
    }
  }

  @Override
  String provider() {
    return "selenium-grid";
  }

  @Override
  JarProcess jar() {
    return new JarProcess(work);
  }

  @Override
  List<String> config() {
    return List.of("url=" + grid.url(), "max-retries=0");
  }
}
