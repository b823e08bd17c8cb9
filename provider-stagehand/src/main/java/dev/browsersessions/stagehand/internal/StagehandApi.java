package dev.browsersessions.stagehand.internal;

import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The two Stagehand v3 calls this provider makes, on a given host. Failures are {@link
 * dev.browsersessions.BrowserSessionException}s carrying the HTTP status.
 */
public interface StagehandApi extends AutoCloseable {

  /**
   * {@code POST <host>/v1/sessions/start}.
   *
   * @param host the Stagehand host for the session's region
   * @param request the body
   * @return the answer, JSON or read from an event stream
   */
  StartResponse start(URI host, StartRequest request);

  /**
   * {@code POST <host>/v1/sessions/{id}/end} with an empty body.
   *
   * @param host the host the session was started on
   * @param sessionId the session
   */
  void end(URI host, String sessionId);

  /**
   * Runs one client operation within the provider's {@code operation-timeout}: the calls made
   * inside it on this thread share that deadline.
   *
   * @param operation the client operation
   * @param body the work
   * @param <T> its result
   * @return its result
   */
  default <T> T within(Operation operation, Supplier<T> body) {
    return body.get();
  }

  /**
   * Where retries are reported.
   *
   * @param events the sink
   */
  default void reportTo(ProviderEvents events) {}

  /** Releases the HTTP client. */
  @Override
  default void close() {}
}
