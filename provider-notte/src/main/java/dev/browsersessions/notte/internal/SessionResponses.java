package dev.browsersessions.notte.internal;

import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.http.ServerData;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Notte's {@code SessionResponse} tolerantly: unknown fields go to the attributes, unknown
 * statuses become {@link SessionStatus#UNKNOWN}, timestamps with or without offset are accepted,
 * fields of the wrong type are ignored; only a missing {@code session_id} or {@code status} makes
 * the answer unusable.
 *
 * <p>Answers arrive already bound by Jackson into plain Java values ({@code Map}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean}), so nothing is converted twice and nothing is
 * serialised again, except a container attribute whose size is over the bound (rare), which is
 * kept as its cut JSON text.
 */
public final class SessionResponses {

  private static final Set<String> MAPPED =
      Set.of("session_id", "status", "created_at", "last_accessed_at", "closed_at",
          "idle_timeout_minutes", "max_duration_minutes", "cdp_url", "viewer_url", "close_reason",
          "duration");

  /** The longest text an attribute keeps; a container over this size is kept as cut text. */
  static final int MAX_ATTRIBUTE_TEXT = 2048;

  private SessionResponses() {}

  /**
   * Maps Notte's status string.
   *
   * @param status e.g. {@code active}
   * @return the vendor-neutral status
   */
  public static SessionStatus status(String status) {
    if (status == null) {
      return SessionStatus.UNKNOWN;
    }
    return switch (status.trim().toLowerCase(Locale.ROOT)) {
      case "active" -> SessionStatus.ACTIVE;
      case "closed" -> SessionStatus.CLOSED;
      case "error" -> SessionStatus.ERROR;
      case "timed_out" -> SessionStatus.TIMED_OUT;
      default -> SessionStatus.UNKNOWN;
    };
  }

  /**
   * The session id of an answer, when it has a usable one.
   *
   * @param answer the bound JSON, or {@code null}
   * @return the id
   */
  public static Optional<String> id(Object answer) {
    return answer instanceof Map<?, ?> m ? text(m, "session_id") : Optional.empty();
  }

  /**
   * Maps a {@code SessionResponse}.
   *
   * @param answer the JSON, bound to plain Java values
   * @param provider the provider's name
   * @param server checks the id and the URLs
   * @param where the answer, for messages, e.g. {@code "Notte's answer to GET /sessions/x"}
   * @return the session
   * @throws ProviderProtocolException if the answer has no usable id or status, or an id this
   *     library does not accept
   */
  public static SessionInfo toInfo(Object answer, String provider, ServerData server,
      String where) {
    if (!(answer instanceof Map<?, ?> node)) {
      throw ProviderProtocolException.unusable(
          "Notte answered " + (answer == null ? "nothing" : "a " + kind(answer))
              + " where a session was expected", provider, 200, excerpt(answer));
    }
    Optional<String> id = text(node, "session_id");
    Object status = node.get("status");
    if (id.isEmpty() || !(status instanceof String statusText)) {
      throw ProviderProtocolException.unusable(
          "Notte's session answer lacks " + (id.isEmpty() ? "session_id" : "status"),
          provider, 200, excerpt(answer));
    }
    SessionInfo.Builder b = SessionInfo.builder(server.id(id.get(), where), provider,
            status(statusText))
        .createdAt(instant(node, "created_at"))
        .lastActiveAt(instant(node, "last_accessed_at"))
        .closedAt(instant(node, "closed_at"))
        .idleTimeout(minutes(node, "idle_timeout_minutes"))
        .maxDuration(minutes(node, "max_duration_minutes"))
        .attribute("notte.status", statusText);
    server.cdpUrl(b, text(node, "cdp_url").orElse(null));
    server.liveViewUrl(b, text(node, "viewer_url").orElse(null));
    text(node, "close_reason").or(() -> text(node, "error")).ifPresent(b::closeReason);
    text(node, "duration").flatMap(NotteTimes::duration).ifPresent(d -> b.attribute("duration", d));
    for (Map.Entry<?, ?> e : node.entrySet()) {
      if (e.getValue() != null && e.getKey() instanceof String key && !MAPPED.contains(key)) {
        b.attribute(key, bounded(e.getValue()));
      }
    }
    return b.build();
  }

  /**
   * The CDP and viewer URLs of a {@code SessionDebugResponse}.
   *
   * @param debug the JSON, bound to plain Java values
   * @param info the session to complete
   * @param server checks the URLs
   * @return the session with the URLs it lacked
   */
  public static SessionInfo withDebugUrls(Object debug, SessionInfo info, ServerData server) {
    if (!(debug instanceof Map<?, ?> d)) {
      return info;
    }
    SessionInfo.Builder b = info.toBuilder();
    if (info.cdpUrl().isEmpty() && d.get("ws") instanceof Map<?, ?> ws) {
      server.cdpUrl(b, text(ws, "cdp").orElse(null));
    }
    if (info.liveViewUrl().isEmpty()) {
      server.liveViewUrl(b, text(d, "debug_url").orElse(null));
    }
    return b.build();
  }

  /**
   * A text field.
   *
   * @param node the object
   * @param field its key
   * @return the value, when it is a non-blank string
   */
  public static Optional<String> text(Map<?, ?> node, String field) {
    return node.get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /**
   * A timestamp field, with or without offset.
   *
   * @param node the object
   * @param field its key
   * @return the instant, or {@code null}
   */
  public static Instant instant(Map<?, ?> node, String field) {
    return text(node, field).flatMap(NotteTimes::instant).orElse(null);
  }

  /** An attribute value: short texts and small containers as they are, others cut. */
  private static Object bounded(Object v) {
    if (v instanceof String s) {
      return s.length() <= MAX_ATTRIBUTE_TEXT ? s : s.substring(0, MAX_ATTRIBUTE_TEXT) + "…";
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      int[] budget = {MAX_ATTRIBUTE_TEXT};
      if (!fits(v, budget, 0)) {
        String json = JsonText.of(v);
        return json.length() <= MAX_ATTRIBUTE_TEXT ? json
            : json.substring(0, MAX_ATTRIBUTE_TEXT) + "…";
      }
      return readOnly(v);
    }
    return v;
  }

  /**
   * Whether a value's JSON text is at most the budget, counting roughly (keys, texts, numbers and
   * separators) and stopping as soon as the budget is spent.
   */
  private static boolean fits(Object v, int[] budget, int depth) {
    if (depth > 64) {
      return false;
    }
    if (v instanceof Map<?, ?> m) {
      budget[0] -= 2;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        budget[0] -= String.valueOf(e.getKey()).length() + 4;
        if (budget[0] < 0 || !fits(e.getValue(), budget, depth + 1)) {
          return false;
        }
      }
    } else if (v instanceof List<?> l) {
      budget[0] -= 2;
      for (Object e : l) {
        budget[0] -= 1;
        if (budget[0] < 0 || !fits(e, budget, depth + 1)) {
          return false;
        }
      }
    } else if (v instanceof String s) {
      budget[0] -= s.length() + 2;
    } else {
      budget[0] -= v == null ? 4 : v instanceof Boolean ? 5 : 8;
    }
    return budget[0] >= 0;
  }

  /** Makes a bound container (and those inside it) read-only, in place. */
  @SuppressWarnings("unchecked")
  private static Object readOnly(Object v) {
    if (v instanceof Map<?, ?> m) {
      ((Map<Object, Object>) m).replaceAll((k, x) -> readOnly(x));
      return Collections.unmodifiableMap(m);
    }
    if (v instanceof List<?> l) {
      ((List<Object>) l).replaceAll(SessionResponses::readOnly);
      return Collections.unmodifiableList(l);
    }
    return v;
  }

  private static Duration minutes(Map<?, ?> node, String field) {
    if (!(node.get(field) instanceof Number n)) {
      return null;
    }
    double d = n.doubleValue();
    long m = n.longValue();
    return d <= 0 || d > 1_000_000 || m <= 0 ? null : Duration.ofMinutes(m);
  }

  private static String kind(Object answer) {
    return answer instanceof List<?> ? "ARRAY" : answer instanceof String ? "STRING"
        : answer instanceof Number ? "NUMBER" : answer instanceof Boolean ? "BOOLEAN" : "value";
  }

  private static String excerpt(Object answer) {
    return answer == null ? null : JsonText.of(answer);
  }
}
