package dev.browsersessions.stagehand.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Browserbase's metadata query for {@code GET /v1/sessions?q=}: {@code
 * user_metadata['key']:'value'}. Only one condition is sent (Browserbase documents no way to
 * combine them); the caller filters the answer by every entry anyway.
 */
public final class MetadataQuery {

  private MetadataQuery() {}

  /**
   * The query for a metadata filter.
   *
   * @param metadata the tags sessions must carry
   * @return the query for the first tag (by key) that can be written without quoting; empty when
   *     none can
   */
  public static Optional<String> of(Map<String, String> metadata) {
    return new TreeMap<>(metadata).entrySet().stream()
        .filter(e -> safe(e.getKey()) && safe(e.getValue()))
        .findFirst()
        .map(e -> "user_metadata['" + e.getKey() + "']:'" + e.getValue() + "'");
  }

  private static boolean safe(String s) {
    return s.indexOf('\'') < 0 && s.indexOf('\\') < 0 && s.indexOf('[') < 0
        && s.indexOf(']') < 0;
  }
}
