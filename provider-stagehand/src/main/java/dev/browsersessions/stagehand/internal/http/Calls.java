package dev.browsersessions.stagehand.internal.http;

import java.util.function.Supplier;

/** How a call is retried: freely, or only when no session can have been started. */
public interface Calls extends AutoCloseable {

  /**
   * Runs a call that may be repeated without harm (status, list, end, release).
   *
   * @param call the call
   * @param <T> its result
   * @return the result
   */
  <T> T idempotent(Supplier<T> call);

  /**
   * Runs a create, retried only after failures that prove no session was started.
   *
   * @param call the call
   * @param <T> its result
   * @return the result
   */
  <T> T create(Supplier<T> call);

  /** Releases threads or clients, if any. */
  @Override
  default void close() {}
}
