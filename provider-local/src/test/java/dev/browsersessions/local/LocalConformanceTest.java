package dev.browsersessions.local;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
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

  /** Waits for issue 14: local sizes the window, so the page is smaller than the viewport. */
  @Override
  @Test
  @Disabled("issue 14: local's --window-size makes the window 1280x720, the page 1280x577;"
      + " the page must be the viewport")
  public void optional_R12_3_viewportIsAppliedInThePage() {
    super.optional_R12_3_viewportIsAppliedInThePage();
  }
}
