package dev.browsersessions.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite and writes {@code results.md} and {@code throughput.png}.
 * Usage: {@code Main quick|full [outputDir]}.
 */
public final class Main {

  private static final int[] CALLERS = {1, 8, 64, 256};

  private Main() {
  }

  /**
   * Runs the suite.
   *
   * @param args mode (quick or full) and output directory
   * @throws Exception if a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    boolean full = args.length > 0 && args[0].equals("full");
    if (args.length > 0 && !args[0].equals("quick") && !full) {
      throw new IllegalArgumentException("mode must be 'quick' or 'full', not '" + args[0] + "'");
    }
    Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/target/results");
    Files.createDirectories(out);
    StringBuilder md = new StringBuilder();
    md.append("## Results (").append(full ? "full" : "quick").append(" mode)\n\n")
        .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(", Java ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append("\n\n");

    md.append(ConnectionProbe.notte(full ? 2000 : 500));
    status(full, md);
    System.out.print(md);
    lifecycles(full, md, out);
    memory(full, md);
    cold(full, md);
    Files.writeString(out.resolve("results.md"), md.toString());
    System.out.println(md);
    System.out.println("Wrote " + out.resolve("results.md") + " and throughput.png");
  }

  private static void status(boolean full, StringBuilder md) throws Exception {
    ChainedOptionsBuilder opts = new OptionsBuilder()
        .include(StatusBenchmark.class.getName())
        .addProfiler(GCProfiler.class)
        .forks(full ? 2 : 1)
        .warmupIterations(full ? 4 : 2).warmupTime(TimeValue.seconds(full ? 2 : 1))
        .measurementIterations(full ? 5 : 3).measurementTime(TimeValue.seconds(full ? 2 : 1))
        .mode(org.openjdk.jmh.annotations.Mode.SampleTime)
        .jvmArgsAppend("-Xmx512m", "-Djava.awt.headless=true", "-Dsun.net.httpserver.nodelay=true");
    Collection<RunResult> results = new Runner(opts.build()).run();
    md.append("### Per-call `status` on loopback (JMH sample time, -prof gc)\n\n")
        .append("| vendor | client | mean µs/op | p50 µs/op | p99 µs/op | alloc B/op |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    List<String> ratios = new ArrayList<>();
    for (String vendor : List.of("notte", "stagehand")) {
      double[] lib = figures(results, vendor, "library");
      double[] bare = figures(results, vendor, "bare");
      row(md, vendor, "library", lib);
      row(md, vendor, "bare", bare);
      ratios.add(String.format(Locale.ROOT,
          "| %s | %.2f× | %.2f× | %.2f× |%n", vendor, lib[1] / bare[1], lib[0] / bare[0],
          lib[3] / bare[3]));
    }
    md.append("\n| vendor | p50 library/bare (target ≤ 1.15×) | mean library/bare "
        + "| alloc library/bare (target ≤ 2×) |\n|---|---:|---:|---:|\n");
    ratios.forEach(md::append);
    md.append('\n');
  }

  /** Returns mean, p50, p99 (µs) and allocated bytes/op. */
  private static double[] figures(Collection<RunResult> results, String vendor, String client) {
    for (RunResult r : results) {
      if (r.getParams().getParam("vendor").equals(vendor)
          && r.getParams().getBenchmark().endsWith("." + client)) {
        var stats = r.getPrimaryResult().getStatistics();
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return new double[] {stats.getMean() / 1000, stats.getPercentile(50) / 1000,
            stats.getPercentile(99) / 1000, alloc == null ? Double.NaN : alloc.getScore()};
      }
    }
    throw new IllegalStateException("no JMH result for " + vendor + "/" + client);
  }

  private static void row(StringBuilder md, String vendor, String client, double[] f) {
    md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.0f |%n", vendor,
        client, f[0], f[1], f[2], f[3]));
  }

  private static void lifecycles(boolean full, StringBuilder md, Path out) throws Exception {
    List<Throughput.Point> points = Throughput.measure(CALLERS, full ? 20_000 : 3_000,
        Duration.ofSeconds(full ? 20 : 4));
    md.append("### Notte lifecycles (create → status → stop), platform threads, "
        + "against the Notte simulator\n\n")
        .append("| callers | library /s | bare /s | ratio (target ≥ 0.9× at 64) "
            + "| library p50 / p99 ms | bare p50 / p99 ms | lifecycles lib/bare | failed lib/bare | HTTP requests per lifecycle lib/bare |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < points.size(); i += 2) {
      Throughput.Point l = points.get(i);
      Throughput.Point b = points.get(i + 1);
      md.append(String.format(Locale.ROOT,
          "| %d | %.0f | %.0f | %.2f× | %.2f / %.2f | %.2f / %.2f | %d / %d | %d / %d | %.1f / %.1f |%n",
          l.callers(),
          l.perSecond(), b.perSecond(), l.perSecond() / b.perSecond(), l.p50Millis(),
          l.p99Millis(), b.p50Millis(), b.p99Millis(), l.lifecycles(), b.lifecycles(),
          l.failures(), b.failures(), l.requestsPerLifecycle(), b.requestsPerLifecycle()));
    }
    Chart.write(points, CALLERS, out.resolve("throughput.png"));
    md.append("\n![throughput](throughput.png)\n\n");
    System.out.print(md);
  }

  private static void memory(boolean full, StringBuilder md) {
    md.append("### Heap per session on the fake provider (System.gc() deltas)\n\n")
        .append("| sessions | fake provider B/session | tracked by library B/session "
            + "(target < 2048) | open handle B/session |\n|---:|---:|---:|---:|\n");
    for (int n : new int[] {10, 1_000, 100_000}) {
      Memory.Point p = Memory.measure(n);
      md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f |%n", n, p.providerBytes(),
          p.trackedBytes(), p.handleBytes()));
    }
    md.append("\n(At 10 sessions the deltas are within GC noise.)\n\n");
  }

  private static void cold(boolean full, StringBuilder md) throws Exception {
    int runs = full ? 9 : 5;
    List<List<Double>> t = ColdStart.measure(runs);
    md.append(String.format(Locale.ROOT, "### Cold start (%d fresh JVMs)%n%n"
        + "| measure | median ms | min ms | max ms |%n|---|---:|---:|---:|%n"
        + "| `BrowserSessions.create(\"notte\", config)` (target < 300) | %.1f | %.1f | %.1f |%n"
        + "| whole child JVM, spawn to exit | %.0f | %.0f | %.0f |%n%n", runs,
        t.get(0).get(runs / 2), t.get(0).get(0), t.get(0).get(runs - 1),
        t.get(1).get(runs / 2), t.get(1).get(0), t.get(1).get(runs - 1)));
  }
}
