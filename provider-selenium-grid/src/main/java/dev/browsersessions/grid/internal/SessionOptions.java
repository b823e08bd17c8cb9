package dev.browsersessions.grid.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What this library stores with a session, in the namespaced capability {@value #CAPABILITY}: the
 * Grid keeps it in the session's capabilities and returns it from GraphQL, so any process can read
 * a session's tags, its maximum duration and the create attempt that started it.
 *
 * @param attempt a random id per create attempt (finds the session of a create whose answer was
 *     lost)
 * @param owner the id of the provider instance that created it
 * @param requestedAt when the create was sent, on the provider's clock
 * @param idleTimeout the idle timeout asked for
 * @param maxDuration the maximum duration asked for
 * @param tags the caller's metadata
 */
record SessionOptions(
    String attempt,
    String owner,
    Optional<Instant> requestedAt,
    Optional<Duration> idleTimeout,
    Optional<Duration> maxDuration,
    Map<String, String> tags) {

  /** The capability's name. */
  static final String CAPABILITY = "browsersessions:options";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final int MAX_TAGS = 64;
  private static final int MAX_TAG_LENGTH = 1024;

  SessionOptions {
    tags = Map.copyOf(tags);
  }

  /** An absent capability. */
  static final SessionOptions NONE =
      new SessionOptions("", "", Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  /** The capability's JSON value. */
  Map<String, Object> toCapability() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attempt", attempt);
    m.put("owner", owner);
    requestedAt.ifPresent(t -> m.put("requestedAt", t.toString()));
    idleTimeout.ifPresent(d -> m.put("idleTimeout", d.toString()));
    maxDuration.ifPresent(d -> m.put("maxDuration", d.toString()));
    if (!tags.isEmpty()) {
      m.put("tags", tags);
    }
    return m;
  }

  /**
   * Reads the capability from a session's capabilities; whatever is malformed (the Grid is a
   * server, its data is checked) is left out.
   */
  static SessionOptions from(Map<String, Object> capabilities) {
    Object raw = capabilities == null ? null : capabilities.get(CAPABILITY);
    if (!(raw instanceof Map<?, ?> m)) {
      return NONE;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    if (m.get("tags") instanceof Map<?, ?> t) {
      t.forEach((k, v) -> {
        if (k instanceof String key && v instanceof String value && tags.size() < MAX_TAGS
            && !key.isBlank() && key.length() <= MAX_TAG_LENGTH
            && value.length() <= MAX_TAG_LENGTH) {
          tags.put(key, value);
        }
      });
    }
    return new SessionOptions(
        token(m.get("attempt")),
        token(m.get("owner")),
        text(m.get("requestedAt")).flatMap(SessionOptions::instant),
        text(m.get("idleTimeout")).flatMap(SessionOptions::duration),
        text(m.get("maxDuration")).flatMap(SessionOptions::duration),
        tags);
  }

  /** When the maximum duration ends, if one was asked for. */
  Optional<Instant> maxDeadline() {
    return requestedAt.flatMap(t -> maxDuration.map(t::plus));
  }

  private static String token(Object o) {
    return o instanceof String s && TOKEN.matcher(s).matches() ? s : "";
  }

  private static Optional<String> text(Object o) {
    return o instanceof String s && s.length() <= 64 ? Optional.of(s) : Optional.empty();
  }

  private static Optional<Instant> instant(String s) {
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> duration(String s) {
    try {
      Duration d = Duration.parse(s);
      return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
