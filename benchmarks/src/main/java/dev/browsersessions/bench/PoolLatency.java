package dev.browsersessions.bench;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Time to a usable CDP URL: from {@code start()} until the handle holds a CDP URL, without and
 * with a warm pool ({@code warmPool(SessionRequest.defaults(), size)}), each session stopped right
 * after. With the pool, each start waits (bounded) until the pool is full again first: the figure
 * is the hand-out latency when the pool keeps up with demand, not the latency of a drained pool
 * (which is the no-pool figure).
 */
public final class PoolLatency {

  /**
   * One measurement.
   *
   * @param target what was started
   * @param pooled whether through a warm pool
   * @param starts starts timed
   * @param p50Millis median
   * @param p99Millis 99th percentile
   */
  public record Point(String target, boolean pooled, int starts, double p50Millis,
      double p99Millis) {
  }

  private PoolLatency() {
  }

  /**
   * Measures one target without and with a pool.
   *
   * @param target local, notte or stagehand
   * @param starts starts per side
   * @param size the pool's size
   * @return without, then with
   * @throws Exception if a start fails
   */
  public static Point[] measure(String target, int starts, int size) throws Exception {
    Path state = Files.createTempDirectory("bench-local-");
    NotteSimulator notte = target.equals("notte")
        ? new NotteSimulator(Clock.systemUTC(), Vendors.KEY) : null;
    StagehandSimulator stagehand = target.equals("stagehand")
        ? StagehandSimulator.start(Vendors.KEY) : null;
    try {
      ProviderConfig config = target.equals("local")
          ? ProviderConfig.builder().environment(Map.of()).systemProperties(new Properties())
              .put("state-dir", state.toString()).build()
          : target.equals("notte") ? Vendors.notte(notte.baseUrl())
          : Vendors.stagehand(stagehand.stagehandUrl(), stagehand.browserbaseUrl());
      Point without;
      try (BrowserSessions plain = BrowserSessions.builder().provider(target).config(config)
          .discoverListeners(false).build()) {
        without = time(target, false, plain, starts, 0);
      }
      Point with;
      try (BrowserSessions pooled = BrowserSessions.builder().provider(target).config(config)
          .warmPool(SessionRequest.defaults(), size).discoverListeners(false).build()) {
        with = time(target, true, pooled, starts, size);
      }
      return new Point[] {without, with};
    } finally {
      if (notte != null) {
        notte.close();
      }
      if (stagehand != null) {
        stagehand.close();
      }
      try (Stream<Path> files = Files.walk(state)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static Point time(String target, boolean pooled, BrowserSessions sessions, int starts,
      int size) throws InterruptedException {
    long[] ms = new long[starts];
    for (int i = 0; i < starts; i++) {
      if (pooled) {
        awaitFull(sessions, size);
      }
      long t0 = System.nanoTime();
      BrowserSession s = sessions.start(SessionRequest.defaults());
      if (s.cdpUrl().isEmpty()) {
        throw new IllegalStateException(target + " started a session without a CDP URL");
      }
      ms[i] = System.nanoTime() - t0;
      s.stop();
    }
    Arrays.sort(ms);
    return new Point(target, pooled, starts, ms[starts / 2] / 1e6,
        ms[Math.min(starts - 1, starts * 99 / 100)] / 1e6);
  }

  /** Waits, polling every 5 ms for at most 60 s, until the pool holds {@code size} sessions. */
  private static void awaitFull(BrowserSessions sessions, int size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (sessions.warmSessions().size() < size && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
