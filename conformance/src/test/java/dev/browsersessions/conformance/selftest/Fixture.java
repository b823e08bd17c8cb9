package dev.browsersessions.conformance.selftest;

import dev.browsersessions.Capability;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A provider under test and how the kit sees it.
 *
 * @param provider the provider
 * @param time moves the provider's clock, when it has one the test controls
 * @param clock the clock the provider's timestamps come from
 * @param liveBrowser whether the kit is told the CDP URL reaches a real browser
 */
public record Fixture(
    BrowserSessionProvider provider, Optional<TimeControl> time, Clock clock,
    boolean liveBrowser) {

  /**
   * A reference provider with a controllable clock, possibly wrapped in a broken decorator.
   *
   * @param capabilities what the reference provider declares
   * @param wrap the decorator, given the provider and its clock (identity for the honest one)
   * @return the fixture
   */
  public static Fixture reference(Set<Capability> capabilities,
      BiFunction<BrowserSessionProvider, Clock, BrowserSessionProvider> wrap) {
    ManualClock clock = new ManualClock();
    return new Fixture(wrap.apply(new ReferenceProvider(clock, capabilities), clock),
        Optional.of(clock::advance), clock, false);
  }

  /**
   * The honest reference provider.
   *
   * @param capabilities what it declares
   * @return the fixture
   */
  public static Fixture honest(Set<Capability> capabilities) {
    return reference(capabilities, (p, c) -> p);
  }

  /**
   * This fixture, with the kit told that CDP URLs reach a real browser.
   *
   * @return the fixture
   */
  public Fixture claimingLiveBrowser() {
    return new Fixture(provider, time, clock, true);
  }
}
