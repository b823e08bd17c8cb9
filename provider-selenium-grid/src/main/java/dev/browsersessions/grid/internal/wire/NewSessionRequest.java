package dev.browsersessions.grid.internal.wire;

import java.util.Map;

/**
 * The body of W3C {@code POST /session}: {@code {"capabilities": {"alwaysMatch": {...}}}}.
 *
 * @param capabilities the capabilities
 */
public record NewSessionRequest(W3cCapabilities capabilities) {

  /**
   * Builds a request whose capabilities must all match.
   *
   * @param alwaysMatch the capabilities
   * @return the request
   */
  public static NewSessionRequest alwaysMatch(Map<String, Object> alwaysMatch) {
    return new NewSessionRequest(new W3cCapabilities(Map.copyOf(alwaysMatch)));
  }

  /**
   * The W3C capabilities object.
   *
   * @param alwaysMatch capabilities every match must have
   */
  public record W3cCapabilities(Map<String, Object> alwaysMatch) {}
}
