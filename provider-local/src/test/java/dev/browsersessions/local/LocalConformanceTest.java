package dev.browsersessions.local;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit against real headless Chromium, with the live-browser checks on. The
 * kit runs one instance per class: one state directory, so one watchdog, for all its tests.
 */
class LocalConformanceTest extends BrowserSessionProviderContract {

  /** Static: one directory (and so one watchdog) for the class, not one per test. */
  @TempDir static Path base;
  private final MutableClock clock = MutableClock.startingNow();

  @Override
  protected BrowserSessionProvider createProvider() {
    return RealChromium.provider(RealChromium.settings(base.resolve("state")).clock(clock).build());
  }

  /** Stops what a failed test left and ends the watchdog, before the clean-up. */
  @AfterAll
  void stopWhatIsLeft() {
    StateDirs.cleanUp(base);
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    return Optional.of(clock::advance);
  }

  @Override
  protected int parallelism() {
    return 4; // real browsers on 2 cores
  }

  /** The provider stamps sessions with the clock the kit moves. */
  @Override
  protected Clock clock() {
    return clock;
  }

  /** The CDP URL is a real Chromium's: section 12 checks options in the page. */
  @Override
  protected boolean liveBrowser() {
    return true;
  }
}
