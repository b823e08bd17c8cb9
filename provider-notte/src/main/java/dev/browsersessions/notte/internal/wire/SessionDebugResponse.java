package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/**
 * Notte's {@code SessionDebugResponse}, the two URLs this library uses; a field of the wrong type
 * leaves the URL absent (an answer that is not an object fails in the decoder).
 *
 * @param debugUrl {@code debug_url}, the live viewer, when a non-blank text
 * @param cdpUrl {@code ws.cdp}, when a non-blank text
 */
public record SessionDebugResponse(String debugUrl, String cdpUrl) {

  /**
   * Reads a bound answer.
   *
   * @param d the JSON object bound to plain Java values
   * @return the URLs found
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SessionDebugResponse of(Map<String, Object> d) {
    return new SessionDebugResponse(SessionResponse.text(d, "debug_url"),
        d.get("ws") instanceof Map<?, ?> ws ? SessionResponse.text(ws, "cdp") : null);
  }
}
