package dev.browsersessions.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite and writes {@code results.md} and {@code throughput.png}.
 * Usage: {@code Main quick|full outputDir projectRoot projectVersion}. The system property
 * {@code bench.only} (comma-separated: memory, fairness, status, calls, notte-lifecycles,
 * stagehand-lifecycles, list, pool, cold, dependencies) runs only those parts; {@code
 * bench.rounds} sets the ABBA rounds and {@code bench.callers} (e.g. {@code 64}) the lifecycles'
 * concurrency levels.
 */
public final class Main {

  private final Settings settings;
  private final Path out;
  private final Path root;
  private final String version;
  private final StringBuilder md = new StringBuilder();
  /** Target name to measured verdict, filled by the sections. */
  private final Map<String, String> targets = new LinkedHashMap<>();
  private final Map<String, Double> wall = new LinkedHashMap<>();
  private final List<String> failed = new ArrayList<>();

  private Main(Settings settings, Path out, Path root, String version) {
    this.settings = settings;
    this.out = out;
    this.root = root;
    this.version = version;
  }

  /**
   * Runs the suite.
   *
   * @param args mode (quick or full), output directory, project root, project version
   * @throws Exception if a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: Main quick|full <output dir> <project root> <project version>");
    }
    Main m = new Main(Settings.of(args[0]), Path.of(args[1]), Path.of(args[2]), args[3]);
    Files.createDirectories(m.out);
    m.run();
  }

  private interface Section {
    void run() throws Exception;
  }

  private void run() throws Exception {
    long t0 = System.nanoTime();
    md.append("## Results (").append(settings.name()).append(" mode)\n\n")
        .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(", Java ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" (")
        .append(System.getProperty("java.home")).append(")\n\nSuite JVM flags: `")
        .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
        .append("`; JMH forks and cold-start children: `").append(String.join(" ",
            Settings.JVM_FLAGS)).append("`\n\n");
    // Every canned server (its own JVM) and JMH fork reads the answers captured here once.
    Vendors.useAnswers(out.resolve("answers"));
    // Memory first, while the heap is small and the System.gc() deltas are cheap and clean.
    timed("memory", this::memory);
    timed("fairness", this::fairness);
    timed("status", this::status);
    timed("calls", this::calls);
    for (String vendor : Vendors.ALL) {
      timed(vendor + "-lifecycles", () -> lifecycles(vendor));
    }
    timed("list", this::list);
    timed("pool", this::pool);
    timed("cold", this::cold);
    timed("dependencies", this::dependencies);
    sdk();
    summary((System.nanoTime() - t0) / 1e9);
    Files.writeString(out.resolve("results.md"), md.toString());
    System.out.println(md);
    System.out.println("Wrote " + out.resolve("results.md") + " and throughput.png");
    if (!failed.isEmpty()) {
      throw new IllegalStateException("benchmark parts failed: " + failed
          + " (the others' figures are in " + out.resolve("results.md") + ")");
    }
  }

  /** The line beside each table: what it was measured on, and the load before it. */
  private void environment() {
    environment(Environment.load());
  }

  private void environment(String loadBefore) {
    md.append("_Measured on: ").append(Environment.describe()).append("; load average (1/5/15 "
        + "min) before: ").append(loadBefore).append("._\n\n");
  }

  private void loadAfter() {
    md.append("_Load average after: ").append(Environment.load()).append("._\n\n");
  }

  private void status() throws Exception {
    md.append(String.format(Locale.ROOT, "### Status per call, ABBA (%d rounds × 2 legs per "
        + "side, %d timed calls per leg after %d untimed; canned server in its own JVM)%n%n",
        settings.rounds(), settings.statusCalls(), settings.statusCalls() / 4));
    environment();
    md.append("| vendor | p50 µs lib / bare | p50 ratio (target ≤ 1.05×) | p99 µs lib / bare "
        + "| p99 ratio (target ≤ 1.10×) | alloc B/call lib / bare | alloc ratio (target ≤ 1.25×) "
        + "| CPU µs/call lib / bare | CPU ratio (target ≤ 1.15×) |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String vendor : Vendors.ALL) {
      Abba.Rounds r = FairRun.status(vendor, settings.rounds(), settings.statusCalls());
      md.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %s | %.0f / %.0f | %s "
          + "| %.0f / %.0f | %s | %.0f / %.0f | %s |%n", vendor,
          r.median(FairRun.P50, true), r.median(FairRun.P50, false), r.ratio(FairRun.P50),
          r.median(FairRun.P99, true), r.median(FairRun.P99, false), r.ratio(FairRun.P99),
          r.median(FairRun.ALLOC, true), r.median(FairRun.ALLOC, false), r.ratio(FairRun.ALLOC),
          r.median(FairRun.CPU, true), r.median(FairRun.CPU, false), r.ratio(FairRun.CPU)));
      target(vendor + " status p50 ≤ 1.05× bare", r.ratio(FairRun.P50), 1.05, true);
      target(vendor + " status p99 ≤ 1.10× bare", r.ratio(FairRun.P99), 1.10, true);
      target(vendor + " status allocation ≤ 1.25× bare", r.ratio(FairRun.ALLOC), 1.25, true);
      target(vendor + " status CPU ≤ 1.15× bare", r.ratio(FairRun.CPU), 1.15, true);
    }
    md.append("\nRatios: median of the rounds' library/bare ratios, (lowest–highest round). "
        + "Allocation: every thread of the client JVM; CPU: the client JVM's process CPU time "
        + "(the server runs elsewhere), both divided by the calls.\n\n");
    loadAfter();
  }

  private void pool() throws Exception {
    int starts = 50;
    md.append(String.format(Locale.ROOT, "### Time to a usable CDP URL, without and with a warm "
        + "pool (`warmPool(SessionRequest.defaults(), 2)`), %d starts each%n%n", starts));
    environment();
    md.append("| target | without pool p50 / p99 ms | with pool p50 / p99 ms | p50 ratio |\n"
        + "|---|---:|---:|---:|\n");
    for (String target : List.of("local", "notte", "stagehand")) {
      PoolLatency.Point[] p = PoolLatency.measure(target, starts, 2);
      md.append(String.format(Locale.ROOT, "| %s | %.2f / %.2f | %.2f / %.2f | %.3f× |%n",
          target.equals("local") ? "provider-local (Chromium)" : target + " simulator",
          p[0].p50Millis(), p[0].p99Millis(), p[1].p50Millis(), p[1].p99Millis(),
          p[1].p50Millis() / p[0].p50Millis()));
    }
    md.append("\nWith the pool each start waits until the pool is full again (it keeps up with "
        + "demand); a drained pool starts as without one. The pool hands out after one `status` "
        + "read.\n\n");
    loadAfter();
  }

  private void target(String name, Abba.Ratio r, double limit, boolean atMost) {
    targets.put(name, verdict(atMost ? r.median() <= limit : r.median() >= limit, r.toString()));
  }

  private void timed(String name, Section section) throws Exception {
    String only = System.getProperty("bench.only", "").trim();
    if (!only.isEmpty() && !List.of(only.split(",")).contains(name)) {
      return;
    }
    long t0 = System.nanoTime();
    System.out.println("### bench: " + name + " ...");
    try {
      section.run();
    } catch (Exception | Error e) {
      // One broken part must not lose the others' figures; the run still fails at the end.
      failed.add(name);
      e.printStackTrace();
      md.append("\n**Part `").append(name).append("` failed**: ").append(e).append("\n\n");
    }
    wall.put(name, (System.nanoTime() - t0) / 1e9);
    Files.writeString(out.resolve("results.md"), md.toString());
  }

  private void fairness() throws Exception {
    md.append("### Fairness: requests seen by the server, per call\n\n| vendor | call "
        + "| requests lib / bare | same method, path, query, JSON body and headers | TCP connections "
        + "lib / bare over sequential calls |\n|---|---|---:|---|---:|\n");
    List<String> diffs = new ArrayList<>();
    for (Fairness.Check c : Fairness.run(settings.fairnessCalls())) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %.1f / %.1f | %s | %d / %d (%d calls) |%n",
          c.vendor(), name(c.operation()), c.libraryRequests(), c.bareRequests(),
          c.same() ? "yes" : "**no**", c.libraryConnections(), c.bareConnections(), c.calls()));
      if (!c.same()) {
        diffs.add("- " + c.vendor() + " " + name(c.operation()) + ": " + c.difference());
      }
    }
    md.append('\n');
    diffs.forEach(d -> md.append(d).append('\n'));
    md.append(diffs.isEmpty() ? "" : "\n");
  }

  private static String name(Operation op) {
    return op.name().toLowerCase(Locale.ROOT);
  }

  private void calls() throws Exception {
    List<String> flags = new ArrayList<>(Settings.JVM_FLAGS);
    flags.add("-Xmx512m");
    flags.add(Vendors.saveAnswers(out.resolve("answers")));
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(CallBenchmark.class.getName())
        .addProfiler(GCProfiler.class)
        .forks(settings.forks())
        .warmupIterations(settings.warmups())
        .warmupTime(TimeValue.milliseconds(settings.iteration().toMillis()))
        .measurementIterations(settings.measurements())
        .measurementTime(TimeValue.milliseconds(settings.iteration().toMillis()))
        .mode(Mode.SampleTime)
        .jvmArgs(flags.toArray(String[]::new)).build()).run();
    md.append(String.format(Locale.ROOT, "### Per call on loopback (JMH %d fork(s), %d×%d ms "
        + "warm-up, %d×%d ms measurement, sample time, -prof gc)%n%n", settings.forks(),
        settings.warmups(), settings.iteration().toMillis(), settings.measurements(),
        settings.iteration().toMillis()))
        .append("| vendor | call | client | mean µs/op | p50 µs/op | p99 µs/op | alloc B/op |\n")
        .append("|---|---|---|---:|---:|---:|---:|\n");
    StringBuilder ratios = new StringBuilder("| vendor | call | p50 library/bare "
        + "| mean library/bare | alloc library/bare |\n|---|---|---:|---:|---:|\n");
    for (String vendor : Vendors.ALL) {
      for (Operation op : Operation.values()) {
        double[] lib = figures(results, vendor, op, "library");
        double[] bare = figures(results, vendor, op, "bare");
        for (String client : List.of("library", "bare")) {
          double[] f = client.equals("library") ? lib : bare;
          md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.0f |%n",
              vendor, name(op), client, f[0], f[1], f[2], f[3]));
        }
        ratios.append(String.format(Locale.ROOT, "| %s | %s | %.2f× | %.2f× | %.2f× |%n", vendor,
            name(op), lib[1] / bare[1], lib[0] / bare[0], lib[3] / bare[3]));
      }
    }
    md.append('\n').append(ratios).append('\n');
  }

  /** Returns mean, p50, p99 (µs) and allocated bytes/op, NaN when the run failed. */
  private static double[] figures(Collection<RunResult> results, String vendor, Operation op,
      String client) {
    for (RunResult r : results) {
      if (r.getParams().getParam("vendor").equals(vendor)
          && r.getParams().getParam("operation").equals(name(op))
          && r.getParams().getBenchmark().endsWith("." + client)) {
        var stats = r.getPrimaryResult().getStatistics();
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return new double[] {stats.getMean() / 1000, stats.getPercentile(50) / 1000,
            stats.getPercentile(99) / 1000, alloc == null ? Double.NaN : alloc.getScore()};
      }
    }
    // A failed JMH run (its stack trace is in the log) shows as NaN; the other runs still count.
    return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
  }

  private void lifecycles(String vendor) throws Exception {
    List<Callers> kinds = Callers.available();
    String loadBefore = Environment.load();
    int[] callers = Settings.callers();
    List<FairRun.LifecyclePoint> points = FairRun.lifecycles(vendor, kinds, callers,
        settings.rounds(), settings.lifecycles());
    md.append(String.format(Locale.ROOT, "### %s lifecycles (create → status → stop), ABBA "
        + "(%d rounds × 2 legs per side, %d lifecycles per leg; canned server in its own JVM "
        + "answering fresh ids)%n%n", vendor, settings.rounds(), settings.lifecycles()));
    environment(loadBefore);
    md.append("| threads | callers | library /s | bare /s | ratio (target ≥ 0.95× at 64) "
            + "| library p50 / p99 ms | bare p50 / p99 ms "
            + "| HTTP requests per lifecycle lib / bare | CPU µs per lifecycle lib / bare (ratio) "
            + "| failed lifecycles lib / bare (all legs) |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    List<Throughput.Point> chart = new ArrayList<>();
    for (FairRun.LifecyclePoint p : points) {
      Abba.Rounds r = p.rounds();
      Abba.Ratio ratio = r.ratio(0);
      md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %s | %.2f / %.2f "
          + "| %.2f / %.2f | %.2f / %.2f | %.0f / %.0f (%s) | %.0f / %.0f |%n", p.threads(),
          p.callers(), r.median(0, true), r.median(0, false), ratio, r.median(1, true),
          r.median(2, true), r.median(1, false), r.median(2, false), r.median(4, true),
          r.median(4, false), r.median(5, true), r.median(5, false), r.ratio(5),
          r.total(3, true), r.total(3, false)));
      if (p.callers() == 64) {
        target(vendor + " lifecycles at 64 " + p.threads() + " callers ≥ 0.95× bare", ratio,
            0.95, false);
      }
      chart.addAll(p.chartPoints());
    }
    if (kinds.size() == 1) {
      md.append("\nVirtual threads: not measured, this JVM is Java ")
          .append(Runtime.version().feature())
          .append(" (run with `-Dbench.jvm=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java`).\n");
    }
    md.append("\nCPU: the client JVM's process CPU time per lifecycle (the server runs "
        + "elsewhere).\n\n");
    loadAfter();
    String png = "throughput-" + vendor + ".png";
    Chart.write(chart, callers, out.resolve(png));
    allPoints.addAll(chart);
    Chart.write(allPoints, callers, out.resolve("throughput.png"));
    md.append("![").append(vendor).append(" throughput](").append(png).append(")\n\n");
  }

  private final List<Throughput.Point> allPoints = new ArrayList<>();

  private void list() throws Exception {
    md.append(String.format(Locale.ROOT, "### `list(SessionFilter.all())` as sessions grow "
        + "(median of %d)%n%n", settings.listReps()))
        .append("| vendor | sessions | library ms | baseline ms | ratio | baseline "
            + "| sessions listed lib / baseline | HTTP requests per list lib / baseline |\n")
        .append("|---|---:|---:|---:|---:|---|---:|---:|\n");
    List<ListTiming.Point> points = new ArrayList<>();
    for (int n : Settings.FAKE_LIST_SIZES) {
      points.add(ListTiming.fake(n, settings.listReps()));
    }
    for (int n : Settings.SIM_LIST_SIZES) {
      points.add(ListTiming.notte(n, settings.listReps()));
    }
    for (int n : Settings.SIM_LIST_SIZES) {
      points.add(ListTiming.stagehand(n, settings.listReps()));
    }
    for (ListTiming.Point p : points) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.2f× | %s | %s | %s |%n",
          p.vendor(), p.sessions(), p.libraryMillis(), p.baselineMillis(),
          p.libraryMillis() / p.baselineMillis(), p.baseline(), p.listed(), p.requests()));
    }
    md.append("\nNotte pages 100 sessions per request (provider-notte's default `page-size`, "
        + "the bare loop uses the same).\n\n");
  }

  private void memory() {
    md.append("### Heap per session on the fake provider (System.gc() deltas)\n\n")
        .append("| sessions | fake provider B/session | tracked by library B/session "
            + "(target < 2048) | open handle B/session |\n|---:|---:|---:|---:|\n");
    Memory.Point last = null;
    for (int n : Settings.MEMORY_SIZES) {
      last = Memory.measure(n);
      md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f |%n", n,
          last.providerBytes(), last.trackedBytes(), last.handleBytes()));
    }
    md.append("\n(At 10 sessions the deltas are within GC noise.)\n\n");
    targets.put("tracked session < 2 kB", verdict(last.trackedBytes() < 2048,
        String.format(Locale.ROOT, "%.0f B at %d sessions", last.trackedBytes(),
            last.sessions())));
  }

  private void cold() throws Exception {
    md.append(String.format(Locale.ROOT, "### Cold start (%d fresh JVMs per vendor and side,"
        + " alternated)%n%nBoth sides start the clock after the harness's `Vendors` class is"
        + " loaded; the library's setup is `BrowserSessions.create`, the bare client's `new"
        + " BareClients` (its `HttpClient` built). Compare setup + first call with setup + first"
        + " call.%n%n", settings.coldRuns()));
    environment();
    md.append("| vendor | measure | median ms | min ms | max ms |\n|---|---|---:|---:|---:|\n");
    for (String vendor : Vendors.ALL) {
      ColdStart.Timings t = ColdStart.measure(vendor, settings.coldRuns(), Settings.JVM_FLAGS);
      coldRows(vendor, "", t);
      cold(vendor, "whole library child JVM, spawn to exit", t.jvm());
      double median = median(t.create());
      double first = median(t.firstStatus());
      targets.put(vendor + " `create()` cold < 300 ms", verdict(median < 300,
          String.format(Locale.ROOT, "median %.0f ms", median)));
      targets.put(vendor + " first call after a cold `create()` ≤ 150 ms", verdict(first <= 150,
          String.format(Locale.ROOT, "median %.0f ms (create + first call %.0f ms; the bare"
              + " client's setup + first call %.0f ms, its first call alone %.0f ms)", first,
              median(t.createAndFirst()), median(t.bareSetupAndFirst()),
              median(t.bareFirstStatus()))));
      Optional<String> jars = ColdStart.jarsOnly();
      if (jars.isEmpty()) {
        md.append("| ").append(vendor).append(" | with AppCDS: not measured (a class path"
            + " directory has no main jar beside it) | | | |\n");
        continue;
      }
      Path library = out.resolve("cds-" + vendor + "-library.jsa");
      Path bare = out.resolve("cds-" + vendor + "-bare.jsa");
      Files.deleteIfExists(library);
      Files.deleteIfExists(bare);
      ColdStart.archive(vendor, jars.get(), library, bare, Settings.JVM_FLAGS);
      ColdStart.Timings cds = ColdStart.measure(vendor, settings.coldRuns(),
          ColdStart.withFlag(Settings.JVM_FLAGS, "-XX:SharedArchiveFile=" + library),
          ColdStart.withFlag(Settings.JVM_FLAGS, "-XX:SharedArchiveFile=" + bare), jars.get());
      coldRows(vendor, "AppCDS: ", cds);
    }
    md.append("\nAppCDS: with an archive per side (`-XX:SharedArchiveFile`), each made by one run"
        + " of that side's child with `-XX:ArchiveClassesAtExit`; the children's class path is"
        + " the modules' jars.\n\n");
    loadAfter();
  }

  private void coldRows(String vendor, String prefix, ColdStart.Timings t) {
    cold(vendor, prefix + "`BrowserSessions.create(\"" + vendor + "\", config)` (target < 300)",
        t.create());
    cold(vendor, prefix + "first `status` call after it (target ≤ 150)", t.firstStatus());
    cold(vendor, prefix + "library: create + first `status`", t.createAndFirst());
    cold(vendor, prefix + "bare: `new BareClients` (`HttpClient` built)", t.bareSetup());
    cold(vendor, prefix + "bare: first `status` after it", t.bareFirstStatus());
    cold(vendor, prefix + "bare: setup + first `status`", t.bareSetupAndFirst());
  }

  private static double median(List<Double> sorted) {
    return sorted.get(sorted.size() / 2);
  }

  private void cold(String vendor, String measure, List<Double> ms) {
    md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f |%n", vendor, measure,
        ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1)));
  }

  private void dependencies() {
    md.append("### Run-time class path per module (`mvnw -o dependency:build-classpath "
        + "-DincludeScope=runtime`, the module's own jar included)\n\n")
        .append("| module | jars | of which browser-sessions | total KiB | third-party jars |\n")
        .append("|---|---:|---:|---:|---|\n");
    try {
      for (DependencySize.Size s : DependencySize.measure(root, version)) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %s |%n", s.module(),
            s.jars(), s.ownJars(), s.bytes() / 1024.0,
            s.thirdParty().isEmpty() ? "none" : String.join(", ", s.thirdParty())));
      }
    } catch (Exception e) {
      md.append("\nNot measured: ").append(e.getMessage().lines().findFirst().orElse(""))
          .append('\n');
    }
    md.append('\n');
  }

  private void sdk() {
    md.append("### Official `com.browserbase.api:stagehand-java` SDK\n\nNot measured: it does "
        + "not resolve from Maven Central (`./mvnw dependency:get "
        + "-Dartifact=com.browserbase.api:stagehand-java:3.21.0` → \"Could not find artifact\", "
        + "re-checked 2026-12-01).\n\n");
  }

  private void summary(double seconds) {
    md.append("### Against the targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    targets.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n### Wall time of this run\n\n| part | seconds |\n|---|---:|\n");
    wall.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, v)));
    md.append(String.format(Locale.ROOT, "| **suite total** | **%.1f** |%n%n", seconds));
  }

  private static String verdict(boolean met, String measured) {
    return measured + " | " + (met ? "met" : "**missed**");
  }
}
