package dev.browsersessions.reliability;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One REST provider behind fault proxies: its simulator, the proxies in front of it, and how to
 * build a client on them with small timeouts and backoffs.
 */
final class Target implements AutoCloseable {

  static final String NOTTE_KEY = "nk-reliability-9d2e-SECRET";
  static final String BB_KEY = "bb-reliability-41af-SECRET";
  /**
   * Request timeout of the fault cells: short, so that a stalled answer costs little, yet well
   * above a loopback round trip on a loaded machine.
   */
  static final String REQUEST_TIMEOUT = "400ms";
  /** Long enough for every simulated session timeout (Notte idle and max, Browserbase timeout). */
  static final Duration PAST_EVERY_TIMEOUT = Duration.ofDays(2);

  final String provider;
  /** Path prefix (after the base URL) of every session route, e.g. {@code /sessions}. */
  final String sessions;
  final List<FaultProxy> proxies;
  final LongSupplier activeCount;
  /** Every path (with query) the simulator received, in order. */
  final Supplier<List<String>> receivedPaths;
  /** Moves the simulator's clock forward; its sessions past their timeouts end on their own. */
  final Consumer<Duration> advanceClock;
  /** Ends a session with the vendor's error status, where the simulator can (Notte only). */
  final Optional<Consumer<String>> endWithError;
  private final AutoCloseable sim;
  private final Map<String, String> urls;

  private Target(String provider, String sessions, List<FaultProxy> proxies,
      LongSupplier activeCount, Supplier<List<String>> receivedPaths,
      Consumer<Duration> advanceClock, Optional<Consumer<String>> endWithError,
      AutoCloseable sim, Map<String, String> urls) {
    this.receivedPaths = receivedPaths;
    this.provider = provider;
    this.sessions = sessions;
    this.proxies = proxies;
    this.activeCount = activeCount;
    this.advanceClock = advanceClock;
    this.endWithError = endWithError;
    this.sim = sim;
    this.urls = urls;
  }

  static Target of(String provider) throws IOException {
    return provider.equals("notte") ? notte() : stagehand();
  }

  static Target notte() throws IOException {
    MutableClock clock = MutableClock.startingNow();
    NotteSimulator sim = new NotteSimulator(clock, NOTTE_KEY);
    FaultProxy proxy = new FaultProxy(sim.baseUrl());
    return new Target("notte", "/sessions", List.of(proxy), sim::activeCount,
        () -> sim.received.stream().map(r -> r.path() + "?" + r.query()).toList(),
        clock::advance, Optional.of(id -> sim.end(id, "error")), sim,
        Map.of("api-key", NOTTE_KEY, "base-url", proxy.baseUrl().toString(),
            "stop-confirm-timeout", "300ms", "stop-poll-interval", "5ms"));
  }

  static Target stagehand() throws IOException {
    StagehandSimulator sim = StagehandSimulator.start(BB_KEY);
    sim.releasePolls(0);
    FaultProxy stagehand = new FaultProxy(sim.stagehandUrl());
    FaultProxy browserbase = new FaultProxy(sim.browserbaseUrl());
    return new Target("stagehand", "/v1/sessions", List.of(stagehand, browserbase),
        () -> activeThroughDirectClient(sim),
        () -> sim.requests().stream().map(r -> r.path() + "?" + r.query()).toList(),
        sim::advance, Optional.empty(), sim,
        Map.of("api-key", BB_KEY, "stagehand-url", stagehand.baseUrl().toString(),
            "browserbase-url", browserbase.baseUrl().toString(), "stop-timeout", "300ms",
            "stop-poll-interval", "5ms", "live-view", "false"));
  }

  /** Asks the simulator itself (no proxy) for its active sessions. */
  private static long activeThroughDirectClient(StagehandSimulator sim) {
    ProviderConfig direct = isolatedConfig(Map.of("api-key", BB_KEY,
        "stagehand-url", sim.stagehandUrl().toString(),
        "browserbase-url", sim.browserbaseUrl().toString())).build();
    try (BrowserSessions c = BrowserSessions.create("stagehand", direct)) {
      return c.list(SessionFilter.active()).size();
    }
  }

  /**
   * The client settings of every test: small timeouts and backoffs, this target's URLs and key.
   *
   * @return key → value, in a stable order
   */
  Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>(Map.of("connect-timeout", "300ms",
        "request-timeout", REQUEST_TIMEOUT, "max-retries", "2", "retry-initial-backoff", "1ms",
        "retry-max-backoff", "5ms"));
    m.putAll(urls);
    return m;
  }

  /** A configuration with {@link #settings()}, isolated from the environment. */
  ProviderConfig.Builder config() {
    return isolatedConfig(settings());
  }

  /**
   * A configuration of exactly these settings: no environment variables, no system properties.
   *
   * @param settings key → value
   * @return the builder
   */
  static ProviderConfig.Builder isolatedConfig(Map<String, String> settings) {
    ProviderConfig.Builder b = ProviderConfig.builder().environment(Map.of())
        .systemProperties(new Properties());
    settings.forEach(b::put);
    return b;
  }

  BrowserSessions client() {
    return BrowserSessions.create(provider, config().build());
  }

  /**
   * Session starts the simulator received (each one started a session there).
   *
   * @return the count
   */
  long startsReceived() {
    return receivedPaths.get().stream().filter(p -> p.startsWith(sessions + "/start?")).count();
  }

  void fault(String method, String pathPrefix, FaultProxy.Fault fault, int times) {
    proxies.forEach(p -> p.add(new FaultProxy.Rule(method, pathPrefix, fault, times)));
  }

  void clearFaults() {
    proxies.forEach(FaultProxy::clear);
  }

  long hugeBytesWritten() {
    return proxies.stream().mapToLong(p -> p.hugeBytesWritten.get()).sum();
  }

  long faultsInjected() {
    return proxies.stream().mapToLong(p -> p.faultsInjected.get()).sum();
  }

  @Override
  public void close() throws Exception {
    for (FaultProxy p : proxies) {
      p.close();
    }
    sim.close();
  }

  @Override
  public String toString() {
    return provider;
  }
}
