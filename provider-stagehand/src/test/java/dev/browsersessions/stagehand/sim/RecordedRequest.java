package dev.browsersessions.stagehand.sim;

import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received.
 *
 * @param host which server received it: {@code browserbase} or a Stagehand host's label
 * @param route the simulator's route name: start, end, get, release, list, debug, or unknown
 * @param method the HTTP method
 * @param path the path
 * @param query the raw (decoded) query, or {@code ""}
 * @param headers request headers, names lower-case, first value
 * @param body the body as text, {@code ""} when empty
 */
public record RecordedRequest(
    String host,
    String route,
    String method,
    String path,
    String query,
    Map<String, String> headers,
    String body) {

  /**
   * One header.
   *
   * @param name any case
   * @return its first value
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
