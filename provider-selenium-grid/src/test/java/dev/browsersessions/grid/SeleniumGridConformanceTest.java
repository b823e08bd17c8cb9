package dev.browsersessions.grid;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole conformance kit against a real standalone Grid (one per class) running Chromium. */
class SeleniumGridConformanceTest extends BrowserSessionProviderContract {

  private GridProcess grid;
  private MutableClock clock;

  @BeforeAll
  void startGrid() throws IOException {
    assumeTrue(GridProcess.available(), "needs /usr/bin/chromedriver and /usr/bin/chromium");
    grid = GridProcess.standalone(Files.createTempDirectory("grid-conformance"), 6);
  }

  @AfterAll
  void stopGrid() {
    if (grid != null) {
      grid.close();
    }
  }

  @Override
  protected BrowserSessionProvider createProvider() {
    clock = MutableClock.startingNow();
    return SeleniumGridProviderFactory.provider(
        SeleniumGridSettings.builder().url(grid.url()).build(), clock);
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    MutableClock c = clock;
    return Optional.of(c::advance);
  }

  @Override
  protected int parallelism() {
    return 4; // real browsers on 2 cores; the Grid has 6 slots
  }
}
