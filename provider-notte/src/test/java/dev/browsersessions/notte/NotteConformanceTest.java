package dev.browsersessions.notte;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole conformance kit against the Notte simulator. */
class NotteConformanceTest extends BrowserSessionProviderContract {

  private final MutableClock clock = MutableClock.startingNow();
  private NotteSimulator sim;

  @BeforeAll
  void startSimulator() throws IOException {
    sim = new NotteSimulator(clock, "test-key");
  }

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  @Override
  protected BrowserSessionProvider createProvider() {
    return NotteProviders.create(ProviderConfig.builder()
        .put("api-key", "test-key")
        .put("base-url", sim.baseUrl().toString())
        .put("retry-initial-backoff", "1ms")
        .put("retry-max-backoff", "10ms")
        .put("stop-poll-interval", "1ms")
        .put("page-size", "3")
        .build());
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    return Optional.of(clock::advance);
  }

  /** The simulator stamps sessions with the clock the kit moves. */
  @Override
  protected Clock clock() {
    return clock;
  }

  /** As configured with {@code page-size} above: R6.1 lists one session more than a page. */
  @Override
  protected OptionalInt listPageSize() {
    return OptionalInt.of(3);
  }
}
