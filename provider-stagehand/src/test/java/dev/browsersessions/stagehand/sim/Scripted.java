package dev.browsersessions.stagehand.sim;

import java.util.Map;

/**
 * A canned answer the simulator gives instead of its own, once.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type
 * @param body the body
 * @param headers extra response headers
 */
public record Scripted(int status, String contentType, String body, Map<String, String> headers) {

  /**
   * A JSON answer.
   *
   * @param status the status
   * @param json the body
   * @return the answer
   */
  public static Scripted json(int status, String json) {
    return new Scripted(status, "application/json; charset=utf-8", json, Map.of());
  }

  /** Status of {@link #drop()}: no answer at all. */
  public static final int DROP = -1;

  /**
   * A lost answer: the connection closes before a status line (the client sees the stream end).
   *
   * @return the answer
   */
  public static Scripted drop() {
    return new Scripted(DROP, "", "", Map.of());
  }

  /**
   * An event-stream answer (status 200).
   *
   * @param frames the raw frames
   * @return the answer
   */
  public static Scripted sse(String frames) {
    return new Scripted(200, "text/event-stream", frames, Map.of());
  }

  /**
   * This answer with one more header.
   *
   * @param name the header
   * @param value its value
   * @return a new answer
   */
  public Scripted withHeader(String name, String value) {
    java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
    h.put(name, value);
    return new Scripted(status, contentType, body, h);
  }
}
