package dev.browsersessions.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long each part of the suite runs: {@code quick} (under two minutes on 2 cores) or
 * {@code full}.
 *
 * @param name quick or full
 * @param forks JMH forks per benchmark
 * @param warmups JMH warm-up iterations
 * @param measurements JMH measurement iterations
 * @param iteration JMH iteration time
 * @param lifecycles lifecycles per ABBA leg of a throughput point
 * @param listReps timed lists per side and size
 * @param coldRuns fresh JVMs per vendor for the cold start
 * @param fairnessCalls sequential calls per side in the fairness check
 * @param rounds ABBA rounds of the status and lifecycle measurements
 * @param statusCalls timed status calls per ABBA leg
 */
public record Settings(String name, int forks, int warmups, int measurements, Duration iteration,
    int lifecycles, int listReps, int coldRuns, int fairnessCalls,
    int rounds, int statusCalls) {

  /** Concurrent callers of the throughput points. */
  public static final int[] CALLERS = {1, 8, 64, 256};

  /**
   * The concurrency levels to measure: {@link #CALLERS}, or the comma-separated system property
   * {@code bench.callers} (e.g. {@code 64}).
   *
   * @return the levels, in order
   */
  public static int[] callers() {
    String only = System.getProperty("bench.callers", "").trim();
    return only.isEmpty() ? CALLERS.clone()
        : java.util.Arrays.stream(only.split(",")).mapToInt(c -> Integer.parseInt(c.trim()))
            .toArray();
  }
  /** Sessions stored for the fake provider's list timing and memory. */
  public static final int[] FAKE_LIST_SIZES = {10, 1_000, 10_000};
  /** Sessions stored on the simulators for the list timing (Notte pages 100 at a time). */
  public static final int[] SIM_LIST_SIZES = {10, 100, 1_000};
  /** Sessions held for the memory figures. */
  public static final int[] MEMORY_SIZES = {10, 1_000, 100_000};
  /**
   * JVM flags of the suite's JVM (set by the Maven build and {@code run.sh}), of the JMH forks and
   * of the cold-start children.
   */
  public static final List<String> JVM_FLAGS = List.of("-Djava.awt.headless=true",
      "-Dsun.net.httpserver.nodelay=true", "-Dsun.net.httpserver.maxIdleConnections=1000");

  /**
   * The settings of a mode; the system property {@code bench.rounds} overrides its ABBA rounds.
   *
   * @param mode quick or full
   * @return the settings
   */
  public static Settings of(String mode) {
    Settings s = defaults(mode);
    int rounds = Integer.getInteger("bench.rounds", s.rounds());
    return new Settings(s.name(), s.forks(), s.warmups(), s.measurements(), s.iteration(),
        s.lifecycles(), s.listReps(), s.coldRuns(), s.fairnessCalls(), rounds, s.statusCalls());
  }

  private static Settings defaults(String mode) {
    switch (mode) {
      case "quick":
        return new Settings(mode, 1, 1, 1, Duration.ofSeconds(1), 400, 5, 3, 50, 5, 2_000);
      case "full":
        return new Settings(mode, 2, 3, 5, Duration.ofSeconds(1), 3_000, 21, 9, 2_000, 9, 10_000);
      default:
        throw new IllegalArgumentException(
            "bench.mode must be 'quick' or 'full', not '" + mode + "'");
    }
  }
}
