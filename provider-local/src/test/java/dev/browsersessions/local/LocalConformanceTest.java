package dev.browsersessions.local;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The whole conformance kit against real headless Chromium. */
class LocalConformanceTest extends BrowserSessionProviderContract {

  @TempDir Path stateDir;
  private final MutableClock clock = MutableClock.startingNow();

  @Override
  protected BrowserSessionProvider createProvider() {
    return LocalProvider.builder()
        .chromium(RealChromium.require())
        .stateDir(stateDir)
        .clock(clock)
        .build();
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    return Optional.of(clock::advance);
  }

  @Override
  protected int parallelism() {
    return 4; // real browsers on 2 cores
  }
}
