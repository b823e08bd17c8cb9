package dev.browsersessions.bench;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Full lifecycles (create, status, stop) per second at several numbers of concurrent platform
 * threads, through the library and with the bare client, against the Notte simulator on loopback.
 */
public final class Throughput {

  /**
   * One measured point.
   *
   * @param client "library" or "bare"
   * @param callers concurrent threads
   * @param lifecycles completed lifecycles
   * @param perSecond lifecycles per second
   * @param p50Millis median lifecycle latency
   * @param p99Millis 99th percentile lifecycle latency
   * @param failures lifecycles that threw (the caller thread then goes on)
   * @param requestsPerLifecycle HTTP requests the server received per completed lifecycle
   */
  public record Point(String client, int callers, int lifecycles, double perSecond,
      double p50Millis, double p99Millis, int failures, double requestsPerLifecycle) {
  }

  /** One lifecycle, run by a caller thread. */
  private interface Lifecycle {
    void run();
  }

  private Throughput() {
  }

  /**
   * Measures both clients at each concurrency.
   *
   * @param callers the concurrency levels
   * @param maxLifecycles the most lifecycles per point
   * @param maxTime the longest a point may run
   * @return the points, library and bare alternating
   * @throws Exception if the simulator fails
   */
  public static List<Point> measure(int[] callers, int maxLifecycles, Duration maxTime)
      throws Exception {
    List<Point> points = new ArrayList<>();
    try (NotteSimulator sim = new NotteSimulator(Clock.systemUTC(), Vendors.KEY);
        BrowserSessions lib = BrowserSessions.builder().provider("notte")
            .config(Vendors.notte(sim.baseUrl())).shutdownHook(false)
            .stopSessionsOnClose(false).build()) {
      BareClients bare = new BareClients(sim.baseUrl());
      Lifecycle viaLibrary = () -> {
        BrowserSession s = lib.start(SessionRequest.defaults());
        s.refresh();
        s.stop();
      };
      Lifecycle viaBare = () -> {
        String id = bare.notteStart().id();
        bare.notteStatus(id);
        bare.notteStop(id);
      };
      run(viaLibrary, 4, 200, Duration.ofSeconds(5)); // warm-up
      run(viaBare, 4, 200, Duration.ofSeconds(5));
      for (int n : callers) {
        sim.received.clear();
        long[] viaLib = run(viaLibrary, n, maxLifecycles, maxTime);
        points.add(point("library", n, viaLib, sim.received.size()));
        sim.received.clear();
        long[] b = run(viaBare, n, maxLifecycles, maxTime);
        points.add(point("bare", n, b, sim.received.size()));
      }
    }
    return points;
  }

  private static Point point(String client, int callers, long[] result, int requests) {
    long elapsed = result[0];
    int failures = (int) result[1];
    long[] lat = Arrays.copyOfRange(result, 2, result.length);
    Arrays.sort(lat);
    double p50 = lat[(int) (lat.length * 0.50)] / 1e6;
    double p99 = lat[Math.min(lat.length - 1, (int) (lat.length * 0.99))] / 1e6;
    return new Point(client, callers, lat.length, lat.length / (elapsed / 1e9), p50, p99,
        failures, requests / (double) Math.max(1, lat.length));
  }

  /** Returns [elapsedNanos, failures, latency...]. */
  private static long[] run(Lifecycle lifecycle, int callers, int max, Duration maxTime)
      throws InterruptedException {
    long[] latencies = new long[max];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    long deadline = System.nanoTime() + maxTime.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      Thread th = new Thread(() -> {
        try {
          start.await();
          int i;
          while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < max) {
            long t0 = System.nanoTime();
            try {
              lifecycle.run();
              latencies[i] = System.nanoTime() - t0;
              done.incrementAndGet();
            } catch (RuntimeException e) {
              failures.incrementAndGet();
              failure.compareAndSet(null, e);
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "caller-" + t);
      th.start();
      threads.add(th);
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    long elapsed = System.nanoTime() - t0;
    if (failure.get() != null) {
      System.err.println(failures.get() + " lifecycles failed at " + callers
          + " callers; first: " + failure.get());
    }
    int n = Math.min(done.get(), max);
    long[] out = new long[n + 2];
    out[0] = elapsed;
    out[1] = failures.get();
    int k = 2;
    for (int i = 0; i < max && k < n + 2; i++) {
      if (latencies[i] > 0) {
        out[k++] = latencies[i];
      }
    }
    return Arrays.copyOf(out, k);
  }
}
