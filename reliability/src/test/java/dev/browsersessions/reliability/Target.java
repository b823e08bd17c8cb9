package dev.browsersessions.reliability;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionFilter;
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
   * Request timeout of every client here but the fault cells' (which use a short one): generous,
   * so that a loaded machine does not fail a call that no fault touches.
   */
  static final String REQUEST_TIMEOUT = "5s";
  /** Long enough for every simulated session timeout (Notte idle and max, Browserbase timeout). */
  static final Duration PAST_EVERY_TIMEOUT = Duration.ofDays(2);

  final String provider;
  /** Path prefix (after the base URL) of every session route, e.g. {@code /sessions}. */
  final String sessions;
  final List<FaultProxy> proxies;
  final LongSupplier activeCount;
  /** A client on the simulator itself, past the proxies. */
  private final BrowserSessions direct;
  /** Every path (with query) the simulator received, in order. */
  final Supplier<List<String>> receivedPaths;
  /** Moves the simulator's clock forward; its sessions past their timeouts end on their own. */
  final Consumer<Duration> advanceClock;
  /** Ends a session with the vendor's error status, where the simulator can (Notte only). */
  final Optional<Consumer<String>> endWithError;
  private final AutoCloseable sim;
  private final Map<String, String> urls;

  private Target(String provider, String sessions, List<FaultProxy> proxies,
      LongSupplier activeCount, BrowserSessions direct, Supplier<List<String>> receivedPaths,
      Consumer<Duration> advanceClock, Optional<Consumer<String>> endWithError,
      AutoCloseable sim, Map<String, String> urls) {
    this.receivedPaths = receivedPaths;
    this.provider = provider;
    this.sessions = sessions;
    this.proxies = proxies;
    this.activeCount = activeCount;
    this.direct = direct;
    this.advanceClock = advanceClock;
    this.endWithError = endWithError;
    this.sim = sim;
    this.urls = urls;
  }

  static Target of(String provider) throws IOException {
    return provider.equals("notte") ? notte() : stagehand();
  }

  static Target notte() throws IOException {
    OffsetClock clock = new OffsetClock();
    NotteSimulator sim = new NotteSimulator(clock, NOTTE_KEY);
    FaultProxy proxy = new FaultProxy(sim.baseUrl());
    BrowserSessions direct = BrowserSessions.create("notte", isolatedConfig(Map.of(
        "api-key", NOTTE_KEY, "base-url", sim.baseUrl().toString(), "allow-insecure", "true")).build());
    return new Target("notte", "/sessions", List.of(proxy), sim::activeCount, direct,
        () -> sim.received.stream().map(r -> r.path() + "?" + r.query()).toList(),
        clock::advance, Optional.of(id -> sim.end(id, "error")), () -> {
          direct.close();
          sim.close();
        },
        Map.of("api-key", NOTTE_KEY, "base-url", proxy.baseUrl().toString(),
            "stop-confirm-timeout", "300ms", "stop-poll-interval", "5ms",
            // the simulator shares this machine's clock: a lost create's session is there at once
            "lost-create-wait", "300ms"));
  }

  static Target stagehand() throws IOException {
    StagehandSimulator sim = StagehandSimulator.start(BB_KEY);
    sim.releasePolls(0);
    FaultProxy stagehand = new FaultProxy(sim.stagehandUrl());
    FaultProxy browserbase = new FaultProxy(sim.browserbaseUrl());
    BrowserSessions direct = directClient(sim);
    return new Target("stagehand", "/v1/sessions", List.of(stagehand, browserbase),
        () -> direct.list(SessionFilter.active()).size(), direct,
        () -> sim.requests().stream().map(r -> r.path() + "?" + r.query()).toList(),
        sim::advance, Optional.of(id -> sim.end(id, "ERROR")), () -> {
          direct.close();
          sim.close();
        },
        Map.of("api-key", BB_KEY, "stagehand-url", stagehand.baseUrl().toString(),
            "browserbase-url", browserbase.baseUrl().toString(), "stop-timeout", "300ms",
            "stop-poll-interval", "5ms", "live-view", "false",
            // the simulator starts a session at once: a failed start that started nothing need
            // not be looked for as long as the default (5 s)
            "lost-create-wait", "300ms"));
  }

  /** A client on the simulator itself (no proxy), to ask it for its active sessions. */
  private static BrowserSessions directClient(StagehandSimulator sim) {
    return BrowserSessions.create("stagehand", isolatedConfig(Map.of("api-key", BB_KEY,
        "stagehand-url", sim.stagehandUrl().toString(),
        "browserbase-url", sim.browserbaseUrl().toString())).build());
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
   * A client like {@link #client()} with another request timeout.
   *
   * @param requestTimeout e.g. {@code 2s}
   * @return the client
   */
  BrowserSessions client(String requestTimeout) {
    return BrowserSessions.create(provider, config().put("request-timeout", requestTimeout).build());
  }

  /**
   * The ids of the sessions active on the simulator, asked past the proxies.
   *
   * @return the ids
   */
  List<String> activeIds() {
    return direct.list(SessionFilter.active()).stream().map(s -> s.id()).toList();
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
