package dev.browsersessions.stagehand.internal.http;

import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import dev.browsersessions.stagehand.internal.wire.LiveUrls;
import dev.browsersessions.stagehand.internal.wire.ReleaseRequest;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/** Browserbase's Sessions API calls; {@code X-BB-API-Key} is added by an interceptor. */
public interface BrowserbaseClient {

  /**
   * {@code GET /v1/sessions/{id}}.
   *
   * @param sessionId the session
   * @return the session
   */
  @RequestLine("GET /v1/sessions/{id}")
  @Headers("Accept: application/json")
  BrowserbaseSession get(@Param("id") String sessionId);

  /**
   * {@code GET /v1/sessions?status=…&q=…}.
   *
   * @param query {@code status} and {@code q}, in that order, each only when set
   * @return the sessions
   */
  @RequestLine("GET /v1/sessions")
  @Headers("Accept: application/json")
  List<BrowserbaseSession> list(@QueryMap Map<String, String> query);

  /**
   * {@code POST /v1/sessions/{id}} with {@code {"status":"REQUEST_RELEASE"}}.
   *
   * @param sessionId the session
   * @param request the body
   * @return the session
   */
  @RequestLine("POST /v1/sessions/{id}")
  @Headers({"Content-Type: application/json", "Accept: application/json"})
  BrowserbaseSession release(@Param("id") String sessionId, ReleaseRequest request);

  /**
   * {@code GET /v1/sessions/{id}/debug}.
   *
   * @param sessionId the session
   * @return the live-view URLs
   */
  @RequestLine("GET /v1/sessions/{id}/debug")
  @Headers("Accept: application/json")
  LiveUrls debug(@Param("id") String sessionId);
}
