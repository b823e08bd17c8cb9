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

  @Override
  protected BrowserSessionProvider createProvider() {
    return fixture.provider();
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

  @AfterAll
  void stopSimulator() {
    fixture.close();
  }
}
