package dev.browsersessions.reliability;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * One REST provider behind fault proxies: its simulator, the proxies in front of it, and how to
 * build a client on them with small timeouts and backoffs.
 */
final class Target implements AutoCloseable {

  static final String NOTTE_KEY = "nk-reliability-9d2e-SECRET";
  static final String BB_KEY = "bb-reliability-41af-SECRET";
  static final String REQUEST_TIMEOUT = "1s";

  final String provider;
  /** Path prefix (after the base URL) of every session route, e.g. {@code /sessions}. */
  final String sessions;
  final List<FaultProxy> proxies;
  final LongSupplier activeCount;
  /** Every path (with query) the simulator received, in order. */
  final java.util.function.Supplier<List<String>> receivedPaths;
  private final AutoCloseable sim;
  private final Map<String, String> urls;

  private Target(String provider, String sessions, List<FaultProxy> proxies,
      LongSupplier activeCount, java.util.function.Supplier<List<String>> receivedPaths,
      AutoCloseable sim, Map<String, String> urls) {
    this.receivedPaths = receivedPaths;
    this.provider = provider;
    this.sessions = sessions;
    this.proxies = proxies;
    this.activeCount = activeCount;
    this.sim = sim;
    this.urls = urls;
  }

  static Target notte() throws IOException {
    NotteSimulator sim = new NotteSimulator(MutableClock.startingNow(), NOTTE_KEY);
    FaultProxy proxy = new FaultProxy(sim.baseUrl());
    return new Target("notte", "/sessions", List.of(proxy), sim::activeCount,
        () -> sim.received.stream().map(r -> r.path() + "?" + r.query()).toList(), sim,
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
        () -> sim.requests().stream().map(r -> r.path() + "?" + r.query()).toList(), sim,
        Map.of("api-key", BB_KEY, "stagehand-url", stagehand.baseUrl().toString(),
            "browserbase-url", browserbase.baseUrl().toString(), "stop-timeout", "300ms",
            "stop-poll-interval", "5ms", "live-view", "false"));
  }

  /** Asks the simulator itself (no proxy) for its active sessions. */
  private static long activeThroughDirectClient(StagehandSimulator sim) {
    ProviderConfig direct = ProviderConfig.builder().environment(Map.of())
        .systemProperties(new Properties()).put("api-key", BB_KEY)
        .put("stagehand-url", sim.stagehandUrl().toString())
        .put("browserbase-url", sim.browserbaseUrl().toString()).build();
    try (BrowserSessions c = BrowserSessions.create("stagehand", direct)) {
      return c.list(SessionFilter.active()).size();
    }
  }

  /** A configuration with small timeouts, isolated from the environment. */
  ProviderConfig.Builder config() {
    ProviderConfig.Builder b = ProviderConfig.builder().environment(Map.of())
        .systemProperties(new Properties()).put("connect-timeout", "300ms")
        .put("request-timeout", REQUEST_TIMEOUT).put("max-retries", "2")
        .put("retry-initial-backoff", "1ms").put("retry-max-backoff", "5ms");
    urls.forEach(b::put);
    return b;
  }

  BrowserSessions client() {
    return BrowserSessions.create(provider, config().build());
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
