package dev.browsersessions.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The headline measurement: library against bare client, the canned server in a JVM of its own
 * ({@link RemoteServer}), the two sides alternated ABBA over several rounds ({@link Abba}).
 *
 * <p>Per status call: latency p50 and p99 on one caller thread, and the client JVM's allocation
 * (all threads, the HTTP client's selector included) and CPU (the whole process: with the server
 * elsewhere that is the client's cost alone) divided by the calls. Lifecycles: create → status →
 * stop at each concurrency, platform and (Java 21+) virtual threads, lifecycles per second.
 */
public final class FairRun {

  /** Index of the figures a status leg returns. */
  static final int P50 = 0;
  static final int P99 = 1;
  static final int ALLOC = 2;
  static final int CPU = 3;

  private static final ThreadMXBean THREADS =
      (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private FairRun() {
  }

  /**
   * Status calls, ABBA.
   *
   * @param vendor notte or stagehand
   * @param rounds ABBA rounds
   * @param calls timed calls per leg (after a quarter as many untimed ones)
   * @return per round, library and bare figures: p50 µs, p99 µs, bytes per call, CPU µs per call
   * @throws Exception if the server or a call fails
   */
  public static Abba.Rounds status(String vendor, int rounds, int calls) throws Exception {
    Vendors.Answers a = Vendors.capture(vendor);
    try (RemoteServer server = RemoteServer.start(vendor, "running");
        BrowserSessions lib = Vendors.library(vendor, server.baseUrl(), server.baseUrl())) {
      BareClients bare = new BareClients(server.baseUrl());
      Supplier<Object> viaLib = () -> lib.status(a.id());
      Supplier<Object> viaBare = () -> Operation.STATUS.bare(vendor, bare, a.id());
      return Abba.run(rounds, () -> statusLeg(viaLib, calls), () -> statusLeg(viaBare, calls));
    }
  }

  private static double[] statusLeg(Supplier<Object> call, int calls) {
    for (int i = 0; i < calls / 4; i++) {
      check(call.get());
    }
    long[] lat = new long[calls];
    java.util.Map<Long, Long> alloc0 = allocatedByThread();
    long cpu0 = OS.getProcessCpuTime();
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      Object answer = call.get();
      lat[i] = System.nanoTime() - t0;
      check(answer);
    }
    long cpu = OS.getProcessCpuTime() - cpu0;
    long alloc = allocatedSince(alloc0);
    Arrays.sort(lat);
    return new double[] {lat[calls / 2] / 1e3, lat[Math.min(calls - 1, calls * 99 / 100)] / 1e3,
        alloc / (double) calls, cpu / 1e3 / calls};
  }

  /** Every answer is checked: a side that stopped decoding would look fast. */
  private static void check(Object answer) {
    String id = answer instanceof dev.browsersessions.SessionInfo info ? info.id()
        : answer instanceof BareClients.Session s ? s.id() : null;
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException("a status call answered no session: " + answer);
    }
  }

  /** Bytes allocated per live thread, by thread id. */
  private static java.util.Map<Long, Long> allocatedByThread() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    java.util.Map<Long, Long> m = new java.util.HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        m.put(ids[i], bytes[i]);
      }
    }
    return m;
  }

  /** What the threads alive now allocated since {@code before} (a thread that ended is lost). */
  private static long allocatedSince(java.util.Map<Long, Long> before) {
    long sum = 0;
    for (var e : allocatedByThread().entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return sum;
  }

  /** Lifecycles per side in each of the two warm-up legs before the timed ones. */
  static final int WARM_UP_LIFECYCLES = 2_000;

  /**
   * One lifecycle through the library: start, status, stop.
   *
   * @param lib the client
   * @return the lifecycle
   */
  static Throughput.Lifecycle library(BrowserSessions lib) {
    return () -> {
      BrowserSession s = lib.start(SessionRequest.defaults());
      s.refresh();
      s.stop();
    };
  }

  /**
   * The same lifecycle with the bare client, as the vendor requires it.
   *
   * @param vendor notte or stagehand
   * @param bare the client
   * @return the lifecycle
   */
  static Throughput.Lifecycle bare(String vendor, BareClients bare) {
    return vendor.equals("notte") ? () -> {
      String id = bare.notteStart().id();
      bare.notteStatus(id);
      bare.notteStop(id);
    } : () -> {
      String id = bare.stagehandStart().id();
      bare.browserbaseStatus(id);
      bare.stagehandStop(id, Vendors.STOP_POLL);
    };
  }

  /**
   * Lifecycles at each concurrency, ABBA per point.
   *
   * @param vendor notte or stagehand
   * @param kinds platform and, on Java 21+, virtual threads
   * @param callers the concurrency levels
   * @param rounds ABBA rounds per point
   * @param lifecycles lifecycles per leg
   * @return per kind and level, the rounds (figures: lifecycles/s, p50 ms, p99 ms, failures,
   *     HTTP requests per lifecycle, client JVM CPU µs per lifecycle)
   * @throws Exception if the server fails
   */
  public static List<LifecyclePoint> lifecycles(String vendor, List<Callers> kinds, int[] callers,
      int rounds, int lifecycles) throws Exception {
    List<LifecyclePoint> out = new ArrayList<>();
    try (RemoteServer server = RemoteServer.start(vendor, "lifecycle");
        BrowserSessions lib = Vendors.library(vendor, server.baseUrl(), server.baseUrl())) {
      BareClients bare = new BareClients(server.baseUrl());
      Throughput.Lifecycle viaLib = library(lib);
      Throughput.Lifecycle viaBare = bare(vendor, bare);
      // Warm both sides' code before the first timed leg, alike: enough lifecycles for the JIT to
      // compile both request paths (the library's is longer, so a short warm-up times its
      // compilation, which the cold-start part measures on its own).
      for (int i = 0; i < 2; i++) {
        lifecycleLeg(server, viaLib, Callers.platform(), 8, WARM_UP_LIFECYCLES);
        lifecycleLeg(server, viaBare, Callers.platform(), 8, WARM_UP_LIFECYCLES);
      }
      for (Callers kind : kinds) {
        for (int n : callers) {
          Abba.Rounds r = Abba.run(rounds,
              () -> lifecycleLeg(server, viaLib, kind, n, lifecycles),
              () -> lifecycleLeg(server, viaBare, kind, n, lifecycles));
          out.add(new LifecyclePoint(vendor, kind.name(), n, r));
        }
      }
    }
    return out;
  }

  /**
   * One concurrency level's rounds.
   *
   * @param vendor notte or stagehand
   * @param threads platform or virtual
   * @param callers concurrent callers
   * @param rounds the ABBA rounds (see {@link FairRun#lifecycles})
   */
  public record LifecyclePoint(String vendor, String threads, int callers, Abba.Rounds rounds) {

    /**
     * As the chart's points, medians over rounds.
     *
     * @return library and bare
     */
    public List<Throughput.Point> chartPoints() {
      List<Throughput.Point> p = new ArrayList<>();
      for (boolean library : new boolean[] {true, false}) {
        p.add(new Throughput.Point(vendor, threads, library ? "library" : "bare", callers, 0,
            rounds.median(0, library), rounds.median(1, library), rounds.median(2, library),
            (int) rounds.median(3, library), rounds.median(4, library)));
      }
      return p;
    }
  }

  private static double[] lifecycleLeg(RemoteServer server, Throughput.Lifecycle lifecycle,
      Callers kind, int callers, int lifecycles) throws Exception {
    server.reset();
    long cpu0 = OS.getProcessCpuTime();
    long[] r = Throughput.run(lifecycle, kind, callers, lifecycles, java.time.Duration.ofMinutes(2));
    long cpu = OS.getProcessCpuTime() - cpu0;
    Throughput.Point p = Throughput.point("", "", "", callers, r, server.stats().requests());
    // A failed lifecycle is not counted as done (the rate only counts completed ones) and is
    // shown in the table; Throughput.run prints the first failure. Seen under load: the JDK
    // server closing a kept-alive connection as the client reuses it, on either side.
    return new double[] {p.perSecond(), p.p50Millis(), p.p99Millis(), p.failures(),
        p.requestsPerLifecycle(), cpu / 1e3 / p.lifecycles()};
  }
}
