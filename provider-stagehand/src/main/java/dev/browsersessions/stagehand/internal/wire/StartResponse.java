package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Answer of {@code POST /v1/sessions/start}: {@code {success, data: {sessionId, available,
 * cdpUrl}}}; a refusal may carry {@code message} instead.
 *
 * @param success whether Stagehand started the session
 * @param data the session, when started
 * @param message Stagehand's explanation when {@code success} is false
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartResponse(Boolean success, Data data, String message) {

  /**
   * The started session.
   *
   * @param sessionId the Browserbase session id
   * @param available whether a browser is available
   * @param cdpUrl the CDP WebSocket URL, or {@code null}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Data(String sessionId, Boolean available, String cdpUrl) {}
}
