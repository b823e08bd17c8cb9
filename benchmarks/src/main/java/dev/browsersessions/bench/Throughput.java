package dev.browsersessions.bench;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Full lifecycles (create, status, stop) per second at several numbers of concurrent callers
 * (platform threads, and virtual threads on Java 21+), through the library and with the bare
 * client, against the vendors' simulators on loopback. Every point gets a fresh simulator, so both
 * clients meet the same number of stored sessions.
 */
public final class Throughput {

  /**
   * One measured point.
   *
   * @param vendor notte or stagehand
   * @param threads platform or virtual
   * @param client "library" or "bare"
   * @param callers concurrent threads
   * @param lifecycles completed lifecycles
   * @param perSecond lifecycles per second
   * @param p50Millis median lifecycle latency
   * @param p99Millis 99th percentile lifecycle latency
   * @param failures lifecycles that threw (the caller thread then goes on)
   * @param requestsPerLifecycle HTTP requests the server received per completed lifecycle
   */
  public record Point(String vendor, String threads, String client, int callers, int lifecycles,
      double perSecond, double p50Millis, double p99Millis, int failures,
      double requestsPerLifecycle) {
  }

  /** One lifecycle, run by a caller thread. */
  interface Lifecycle {
    void run();
  }

  private Throughput() {
  }

  static Point point(String vendor, String threads, String client, int callers,
      long[] result, long requests) {
    long elapsed = result[0];
    int failures = (int) result[1];
    long[] lat = Arrays.copyOfRange(result, 2, result.length);
    Arrays.sort(lat);
    double p50 = lat.length == 0 ? Double.NaN : lat[(int) (lat.length * 0.50)] / 1e6;
    double p99 = lat.length == 0 ? Double.NaN
        : lat[Math.min(lat.length - 1, (int) (lat.length * 0.99))] / 1e6;
    return new Point(vendor, threads, client, callers, lat.length, lat.length / (elapsed / 1e9),
        p50, p99, failures, requests / (double) Math.max(1, lat.length));
  }

  /** Returns [elapsedNanos, failures, latency...]. */
  static long[] run(Lifecycle lifecycle, Callers kind, int callers, int max,
      Duration maxTime) throws InterruptedException {
    long[] latencies = new long[max];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    long deadline = System.nanoTime() + maxTime.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      Thread th = kind.thread(() -> {
        try {
          start.await();
          int i;
          while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < max) {
            long t0 = System.nanoTime();
            try {
              lifecycle.run();
              latencies[i] = Math.max(1, System.nanoTime() - t0);
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
      System.err.println(failures.get() + " lifecycles failed at " + callers + " "
          + kind.name() + " callers; first: " + failure.get());
    }
    long[] out = new long[max + 2];
    out[0] = elapsed;
    out[1] = failures.get();
    int k = 2;
    for (long l : latencies) {
      if (l > 0) {
        out[k++] = l;
      }
    }
    return Arrays.copyOf(out, k);
  }
}
