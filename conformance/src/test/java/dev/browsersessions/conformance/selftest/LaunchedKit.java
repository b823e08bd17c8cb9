package dev.browsersessions.conformance.selftest;

import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The kit subclass {@link KitRun} launches; the provider comes from whatever fixture the current
 * run installed. Not named *Test: surefire must not run it on its own.
 */
public class LaunchedKit extends BrowserSessionProviderContract {

  private static volatile Supplier<Fixture> fixtures;

  private Fixture fixture;

  static void use(Supplier<Fixture> supplier) {
    fixtures = supplier;
  }

  @Override
  protected BrowserSessionProvider createProvider() {
    Supplier<Fixture> supplier = fixtures;
    if (supplier == null) {
      throw new IllegalStateException("LaunchedKit runs only through KitRun");
    }
    fixture = supplier.get();
    return fixture.provider();
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    return fixture.time();
  }

  @Override
  protected Clock clock() {
    return fixture.clock();
  }

  @Override
  protected boolean liveBrowser() {
    return fixture.liveBrowser();
  }

  /** The reference provider has no pages; three lets R6.1 catch a list that stops at one. */
  @Override
  protected OptionalInt listPageSize() {
    return OptionalInt.of(3);
  }

  /**
   * In-memory providers settle at once; a short wait keeps failing runs fast. A browser-backed
   * fixture gets longer: the kit's CDP probe has the same timeout, and connecting to the fake
   * browser and asking it a few questions can take more than 200 ms on a loaded machine, which
   * would add a false R12 failure to what a broken case is caught by.
   */
  @Override
  protected Duration settleTimeout() {
    return fixture != null && fixture.liveBrowser() ? Duration.ofSeconds(5)
        : Duration.ofMillis(200);
  }
}
