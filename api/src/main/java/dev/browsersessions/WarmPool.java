package dev.browsersessions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The warm sessions of one {@link SessionRequest} shape (see {@link
 * BrowserSessions.Builder#warmPool}): the ids of sessions started ahead of demand and not yet
 * handed out, and how many starts are under way. Never more than {@code size} of both together.
 * Thread-safe; the sessions themselves are started and tracked by the client.
 */
final class WarmPool {

  private final SessionRequest shape;
  private final int size;
  private final Executor executor;
  private final Consumer<WarmPool> startOne;
  private final ArrayDeque<String> ready = new ArrayDeque<>(); // guarded by this
  private int starting; // guarded by this
  private boolean closed; // guarded by this

  WarmPool(SessionRequest shape, int size, Executor executor, Consumer<WarmPool> startOne) {
    this.shape = shape;
    this.size = size;
    this.executor = executor;
    this.startOne = startOne;
  }

  SessionRequest shape() {
    return shape;
  }

  int size() {
    return size;
  }

  /** Asks the executor for as many starts as the pool lacks; none once closed. */
  void fill() {
    int missing;
    synchronized (this) {
      if (closed) {
        return;
      }
      missing = size - ready.size() - starting;
      starting += Math.max(0, missing);
    }
    for (int i = 0; i < missing; i++) {
      try {
        executor.execute(() -> startOne.accept(this));
      } catch (RejectedExecutionException e) {
        // the executor is shutting down: the client is closing, nothing more to start
        startFailed();
      }
    }
  }

  /**
   * The oldest warm session, if any.
   *
   * @return its id, or null when none is ready
   */
  synchronized String poll() {
    return ready.pollFirst();
  }

  /**
   * Puts back a session taken with {@link #poll()} and not handed out, behind the others.
   *
   * @param id its id
   * @return false if the pool is closed (the caller then has it stopped)
   */
  synchronized boolean putBack(String id) {
    if (closed) {
      return false;
    }
    ready.addLast(id);
    return true;
  }

  /**
   * A start made for this pool succeeded.
   *
   * @param id the new session's id
   * @return false if the pool closed meanwhile (the caller then stops the session); the client
   *     closes a pool under its write lock, so only while a start runs if its shutdown hook could
   *     not wait for that start
   */
  synchronized boolean started(String id) {
    starting--;
    if (closed) {
      return false;
    }
    ready.addLast(id);
    return true;
  }

  /** A start made for this pool failed or was not made; the next {@link #fill()} retries it. */
  synchronized void startFailed() {
    starting--;
  }

  /**
   * The warm sessions not handed out.
   *
   * @return their ids, oldest first
   */
  synchronized List<String> held() {
    return List.copyOf(ready);
  }

  /**
   * Closes the pool: no more starts, and the sessions it held are returned for stopping.
   *
   * @return the ids of the sessions it held
   */
  synchronized List<String> close() {
    closed = true;
    List<String> held = new ArrayList<>(ready);
    ready.clear();
    return held;
  }
}
