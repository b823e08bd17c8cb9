package dev.browsersessions.stagehand;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.stagehand.internal.StagehandProvider;
import dev.browsersessions.stagehand.internal.StagehandProviders;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

/**
 * A simulator plus the configuration that points the provider at it, with fast retries and a
 * provider clock that moves only when the provider waits (no real sleeping).
 */
final class SimFixture implements AutoCloseable {

  static final String KEY = "bb_test_key";

  final StagehandSimulator sim = StagehandSimulator.start(KEY);
  final MutableClock providerClock = MutableClock.of(Instant.parse("2026-01-01T00:00:00Z"));

  /** Explicit settings that isolate tests from the machine's environment and properties. */
  ProviderConfig.Builder config() {
    return ProviderConfig.builder()
        .environment(Map.of())
        .systemProperties(new Properties())
        .put("api-key", KEY)
        .put("stagehand-url", sim.stagehandUrl().toString())
        .put("browserbase-url", sim.browserbaseUrl().toString())
        .put("stop-poll-interval", "100ms")
        .put("stop-timeout", "30s")
        .put("max-retries", "2")
        .put("retry-initial-backoff", "1ms")
        .put("retry-max-backoff", "2ms");
  }

  /** A provider on the simulator whose stop deadline runs on {@link #providerClock}. */
  StagehandProvider provider(ProviderConfig config) {
    return StagehandProviders.create(
        config.forProvider("stagehand"), providerClock, providerClock::advance);
  }

  /**
   * A provider whose clock is the simulator's (its stop deadline and lost-create waits advance
   * the simulated time, as a real provider shares the vendor's time).
   */
  StagehandProvider providerOnSimulatorClock() {
    return StagehandProviders.create(
        config().build().forProvider("stagehand"), sim.clock(), sim::advance);
  }

  StagehandProvider provider() {
    return provider(config().build());
  }

  @Override
  public void close() {
    sim.close();
  }
}
