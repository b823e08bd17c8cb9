package dev.browsersessions.stagehand;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/** The whole conformance kit against the simulator of Stagehand and Browserbase. */
class StagehandConformanceTest extends BrowserSessionProviderContract {

  private final SimFixture fixture = new SimFixture();

  StagehandConformanceTest() {
    // Releases take two status reads, as a real release takes a moment.
    fixture.sim.releasePolls(2);
  }

  /** The provider runs on the simulator's clock, as a real one shares the vendor's time. */
  @Override
  protected BrowserSessionProvider createProvider() {
    return fixture.providerOnSimulatorClock();
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    return Optional.of(fixture.sim::advance);
  }

  /** The simulator stamps sessions with its own clock, the one the kit moves. */
  @Override
  protected Clock clock() {
    return fixture.sim.clock();
  }

  /**
   * Browserbase's list answer carries no {@code connectUrl} and no live-view URL; the provider
   * does not read them per listed session (see the README): R2.5/R2.6 skip the list entry.
   */
  @Override
  protected boolean listReportsUrls() {
    return false;
  }

  @AfterAll
  void stopSimulator() {
    fixture.close();
  }
}
