package dev.browsersessions.grid.internal.wire;

import java.util.Map;

/**
 * The answer of W3C {@code POST /session}: {@code {"value": {"sessionId": ..., "capabilities":
 * {...}}}}.
 *
 * @param value the new session, or {@code null} when the answer lacks it
 */
public record NewSessionAnswer(Value value) {

  /**
   * The new session.
   *
   * @param sessionId its id, or {@code null} when missing
   * @param capabilities what the Grid granted (including {@code se:cdp}), or {@code null}
   */
  public record Value(String sessionId, Map<String, Object> capabilities) {}
}
