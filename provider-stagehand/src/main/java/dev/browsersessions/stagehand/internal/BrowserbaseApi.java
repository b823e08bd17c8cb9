package dev.browsersessions.stagehand.internal;

import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import dev.browsersessions.stagehand.internal.wire.LiveUrls;
import java.util.List;
import java.util.Optional;

/**
 * The Browserbase Sessions API calls this provider makes. Failures are {@link
 * dev.browsersessions.BrowserSessionException}s carrying the HTTP status.
 */
public interface BrowserbaseApi extends AutoCloseable {

  /**
   * {@code GET /v1/sessions/{id}}.
   *
   * @param sessionId the session
   * @return the session
   * @throws dev.browsersessions.SessionNotFoundException if Browserbase answers 404 (the cause is
   *     its answer)
   */
  BrowserbaseSession get(String sessionId);

  /**
   * {@code GET /v1/sessions?status=...&q=...}.
   *
   * @param status a Browserbase status to filter on
   * @param query a metadata query, {@code user_metadata['key']:'value'}
   * @return the sessions
   */
  List<BrowserbaseSession> list(Optional<String> status, Optional<String> query);

  /**
   * {@code POST /v1/sessions/{id}} with {@code {"status":"REQUEST_RELEASE"}}.
   *
   * @param sessionId the session
   * @return the session as Browserbase answered
   */
  BrowserbaseSession release(String sessionId);

  /**
   * {@code GET /v1/sessions/{id}/debug}.
   *
   * @param sessionId the session
   * @return its live-view URLs
   */
  LiveUrls liveUrls(String sessionId);

  /** Releases the HTTP client. */
  @Override
  default void close() {}

  /**
   * Where retries are reported.
   *
   * @param events the sink
   */
  default void reportTo(dev.browsersessions.observe.ProviderEvents events) {}
}
