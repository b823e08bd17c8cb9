package dev.browsersessions.stagehand.internal.http;

import dev.browsersessions.stagehand.internal.wire.EndResponse;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.net.URI;

/**
 * Stagehand v3's session calls. The {@link URI} argument is the host (Feign uses it as the base
 * URL), so one client serves every region. {@code x-bb-api-key} and {@code x-model-api-key} are
 * added by an interceptor; no {@code x-language} is sent (the server accepts only its own SDKs'
 * values).
 */
public interface StagehandClient {

  /**
   * {@code POST /v1/sessions/start}.
   *
   * @param host the Stagehand host
   * @param request the body
   * @return the answer, from JSON or from an event stream
   */
  @RequestLine("POST /v1/sessions/start")
  @Headers({"Content-Type: application/json", "Accept: application/json",
      "x-stream-response: false"})
  StartResponse start(URI host, StartRequest request);

  /**
   * {@code POST /v1/sessions/{id}/end} with an empty body.
   *
   * @param host the Stagehand host
   * @param sessionId the session
   * @return the answer
   */
  @RequestLine("POST /v1/sessions/{id}/end")
  @Headers({"Accept: application/json", "x-stream-response: false"})
  EndResponse end(URI host, @Param("id") String sessionId);
}
