package dev.browsersessions.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cuts the answers still being read after their deadline: the bodies in flight are in one
 * lock-free set, and one sweep every {@link #PERIOD_MILLIS} ms aborts those past their deadline
 * (so an answer is cut at most that much after it). A call costs an add and a remove in the set,
 * not a task armed and cancelled on a timer (whose queue is one lock every caller takes twice,
 * and which wakes the timer thread on every call). The sweep runs only while a body is in flight,
 * on one daemon thread for all clients ({@code browser-sessions-http-deadlines}), which ends
 * {@link SharedHttpClients#IDLE} after the last sweep.
 */
final class BodyDeadlines {

  /** How often the bodies in flight are checked, in milliseconds. */
  static final long PERIOD_MILLIS = 25;

  private static final Set<BoundedBody> IN_FLIGHT = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean ARMED = new AtomicBoolean();
  private static final Lazy<ScheduledExecutorService> SWEEPER = new Lazy<>(() -> {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, task -> {
      Thread t = new Thread(task, "browser-sessions-http-deadlines");
      t.setDaemon(true);
      return t;
    });
    e.setKeepAliveTime(SharedHttpClients.IDLE.toMillis(), TimeUnit.MILLISECONDS);
    e.allowCoreThreadTimeOut(true);
    return e;
  });

  private BodyDeadlines() {}

  /** Builds the sweeper's executor now (its thread starts with the first body watched). */
  static void prepare() {
    SWEEPER.get();
  }

  /**
   * Watches a body until {@link #unwatch}: it is aborted once its deadline has passed.
   *
   * @param body the body
   */
  static void watch(BoundedBody body) {
    IN_FLIGHT.add(body);
    arm();
  }

  /**
   * Stops watching a body (its answer is in, or failed).
   *
   * @param body the body
   */
  static void unwatch(BoundedBody body) {
    IN_FLIGHT.remove(body);
  }

  private static void arm() {
    if (!ARMED.get() && ARMED.compareAndSet(false, true)) {
      try {
        SWEEPER.get().schedule(BodyDeadlines::sweep, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RuntimeException | Error e) {
        ARMED.set(false); // no sweep is coming: the next body watched arms again
        throw e;
      }
    }
  }

  private static void sweep() {
    try {
      long now = System.nanoTime();
      for (BoundedBody b : IN_FLIGHT) {
        if (now - b.deadlineNanos() >= 0 && IN_FLIGHT.remove(b)) {
          try {
            b.abort();
          } catch (RuntimeException e) {
            // one body failing to abort must not keep the others past their deadline
          }
        }
      }
    } finally {
      ARMED.set(false);
      // a body added while this sweep ran saw ARMED still set: re-arm for it
      if (!IN_FLIGHT.isEmpty()) {
        arm();
      }
    }
  }
}
