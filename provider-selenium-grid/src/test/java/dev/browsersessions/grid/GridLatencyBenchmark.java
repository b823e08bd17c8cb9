package dev.browsersessions.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.local.LocalProviderFactory;
import dev.browsersessions.local.LocalSettings;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Create and stop latency on a standalone Grid against provider-local on the same machine
 * (median of {@value #RUNS} after one warm-up each), printed, never asserted. Not part of the
 * default build (the name matches no surefire pattern); run it with
 * {@code ./mvnw -pl provider-selenium-grid verify -Dtest=GridLatencyBenchmark -Dit.test=NONE
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class GridLatencyBenchmark {

  private static final int RUNS = 10;

  @Test
  void createAndStopLatencyAgainstLocal() throws Exception {
    assumeTrue(GridProcess.available(), "needs /usr/bin/chromedriver and /usr/bin/chromium");
    Path dir = Files.createTempDirectory("grid-latency");
    long[][] grid;
    try (GridProcess standalone = GridProcess.standalone(dir, 1);
         BrowserSessionProvider p = SeleniumGridProviderFactory.provider(
             SeleniumGridSettings.builder().url(standalone.url()).build())) {
      grid = measure(p);
    }
    long[][] local;
    try (BrowserSessionProvider p = LocalProviderFactory.create(LocalSettings.builder()
        .chromium(GridProcess.BROWSER).stateDir(Files.createDirectories(dir.resolve("local")))
        .build())) {
      local = measure(p);
    }
    long gc = median(grid[0]);
    long gs = median(grid[1]);
    long lc = median(local[0]);
    long ls = median(local[1]);
    System.out.printf("[latency] median of %d: grid create %d ms, stop %d ms; local create %d ms,"
        + " stop %d ms; ratio create %.1fx, stop %.1fx; /proc/loadavg %s%n", RUNS, gc, gs, lc, ls,
        (double) gc / lc, (double) gs / ls, loadAverage());
    assertThat(gc).isPositive();
  }

  private static long[][] measure(BrowserSessionProvider p) {
    p.stop(p.create(SessionRequest.defaults()).id()); // warm-up
    long[] create = new long[RUNS];
    long[] stop = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      SessionInfo s = p.create(SessionRequest.defaults());
      long t1 = System.nanoTime();
      p.stop(s.id());
      long t2 = System.nanoTime();
      create[i] = (t1 - t0) / 1_000_000;
      stop[i] = (t2 - t1) / 1_000_000;
    }
    return new long[][] {create, stop};
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static long median(long[] values) {
    List<Long> sorted = new ArrayList<>();
    for (long v : values) {
      sorted.add(v);
    }
    sorted.sort(null);
    return (sorted.get(RUNS / 2 - 1) + sorted.get(RUNS / 2)) / 2;
  }
}
