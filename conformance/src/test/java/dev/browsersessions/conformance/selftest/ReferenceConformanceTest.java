package dev.browsersessions.conformance.selftest;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Clock;
import java.util.Optional;

/** The kit used the way provider modules use it: one subclass, run by surefire. */
class ReferenceConformanceTest extends BrowserSessionProviderContract {

  private ManualClock clock;

  @Override
  protected BrowserSessionProvider createProvider() {
    clock = new ManualClock();
    return new ReferenceProvider(clock, ReferenceProvider.everything());
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    return Optional.of(clock::advance);
  }

  @Override
  protected Clock clock() {
    return clock;
  }
}
