package dev.browsersessions.conformance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Runs calls at the same moment on separate threads, bounded by a timeout. */
public final class Parallel {

  private Parallel() {}

  /**
   * Starts {@code n} threads, releases them together and collects what each call did.
   *
   * @param n how many calls
   * @param call the call, given its index
   * @param timeout how long all calls together may take
   * @param <T> the calls' result type
   * @return one outcome per call, in index order
   * @throws AssertionError if the calls do not all finish within the timeout
   */
  public static <T> List<Outcome<T>> run(int n, IntFunction<T> call, Duration timeout) {
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "conformance-worker-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.apply(index);
                }));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      if (!ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError(n + " worker threads did not start within " + timeout);
      }
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<T> f : futures) {
        outcomes.add(await(f, deadline, timeout));
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for parallel calls", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Outcome<T> await(Future<T> f, long deadline, Duration timeout)
      throws InterruptedException {
    try {
      return new Outcome<>(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS),
          null);
    } catch (ExecutionException e) {
      return new Outcome<>(null, e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("parallel calls did not all finish within " + timeout
          + " (see settleTimeout()); a call may be blocked on a lock", e);
    }
  }
}
