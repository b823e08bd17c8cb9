package dev.browsersessions.fake;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Clock;
import java.util.Optional;

/** Runs the whole conformance kit against the fake, with its clock under the kit's control. */
class FakeProviderConformanceTest extends BrowserSessionProviderContract {

  private MutableClock clock;

  @Override
  protected BrowserSessionProvider createProvider() {
    clock = MutableClock.startingNow();
    return FakeProvider.builder().clock(clock).build();
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    return Optional.of(duration -> clock.advance(duration));
  }

  @Override
  protected Clock clock() {
    return clock;
  }
}
