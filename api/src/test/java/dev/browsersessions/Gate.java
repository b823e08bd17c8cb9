package dev.browsersessions;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a call under way until the test opens it: the call says it has {@link #entered}, then
 * waits (bounded) for {@link #open}. Lets a test put two threads in a known order without sleeps.
 */
final class Gate {

  static final long WAIT_SECONDS = 30;

  /** Counted down when a call reaches the gate. */
  final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch open = new CountDownLatch(1);

  /** Lets every call at the gate, and every later one, through. */
  void open() {
    open.countDown();
  }

  /** Called by the held call: waits until the test opens the gate. */
  void pass() {
    entered.countDown();
    try {
      if (!open.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
