package dev.browsersessions.conformance.selftest;

import dev.browsersessions.Capability;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A provider under test and, optionally, the way to move its clock.
 *
 * @param provider the provider
 * @param time moves the provider's clock, when it has one the test controls
 */
public record Fixture(BrowserSessionProvider provider, Optional<TimeControl> time) {

  /**
   * A reference provider with a controllable clock, possibly wrapped in a broken decorator.
   *
   * @param capabilities what the reference provider declares
   * @param wrap the decorator (identity for the honest provider)
   * @return the fixture
   */
  public static Fixture reference(
      Set<Capability> capabilities, Function<BrowserSessionProvider, BrowserSessionProvider> wrap) {
    ManualClock clock = new ManualClock();
    return new Fixture(wrap.apply(new ReferenceProvider(clock, capabilities)),
        Optional.of(clock::advance));
  }
}
