package dev.browsersessions.notte.internal;

import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.notte.internal.wire.SessionDebugResponse;
import dev.browsersessions.notte.internal.wire.SessionResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Notte's {@code SessionResponse} tolerantly: unknown fields go to the attributes, unknown
 * statuses become {@link SessionStatus#UNKNOWN}, timestamps with or without offset are accepted,
 * fields of the wrong type are ignored; only a missing {@code session_id} or {@code status} makes
 * the answer unusable. Texts (the status, the close reason, the attributes' keys and every text
 * in an attribute's value, nested ones included) pass {@link ServerData#text}: one line, bounded.
 *
 * <p>Answers arrive as {@link SessionResponse} records whose unknown fields are already bound by
 * Jackson into plain Java values ({@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}), so nothing is converted twice and nothing is serialised again, except a
 * container attribute whose size is over the bound (rare), which is kept as its cut JSON text.
 */
public final class SessionResponses {

  /** The longest JSON text of a container attribute; a larger one is kept as its cut text. */
  static final int MAX_ATTRIBUTE_TEXT = ServerData.MAX_TEXT;

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
   * Maps a {@code SessionResponse}.
   *
   * @param answer the answer, or {@code null} when Notte answered nothing
   * @param provider the provider's name
   * @param server checks the id and the URLs
   * @param where the answer, for messages, e.g. {@code "Notte's answer to GET /sessions/x"}
   * @return the session
   * @throws ProviderProtocolException if the answer has no usable id or status, or an id this
   *     library does not accept
   */
  public static SessionInfo toInfo(SessionResponse answer, String provider, ServerData server,
      String where) {
    if (answer == null || answer.notAnObject() != null) {
      Object value = answer == null ? null : answer.notAnObject();
      throw ProviderProtocolException.unusable(
          "Notte answered " + (value == null ? "nothing" : "a " + kind(value))
              + " where a session was expected", provider, 200,
          value == null ? null : JsonText.of(value));
    }
    if (answer.sessionId() == null || answer.status() == null) {
      throw ProviderProtocolException.unusable(
          "Notte's session answer lacks " + (answer.sessionId() == null ? "session_id" : "status"),
          provider, 200, JsonText.of(answer.fields()));
    }
    SessionInfo.Builder b = SessionInfo.builder(server.id(answer.sessionId(), where), provider,
            status(answer.status()))
        .createdAt(instant(answer.createdAt()))
        .lastActiveAt(instant(answer.lastAccessedAt()))
        .closedAt(instant(answer.closedAt()))
        .idleTimeout(minutes(answer.idleTimeoutMinutes()))
        .maxDuration(minutes(answer.maxDurationMinutes()))
        .attribute("notte.status", ServerData.text(answer.status()));
    server.cdpUrl(b, answer.cdpUrl());
    server.liveViewUrl(b, answer.viewerUrl());
    Optional.ofNullable(answer.closeReason()).or(() -> Optional.ofNullable(answer.error()))
        .map(ServerData::text).ifPresent(b::closeReason);
    Optional.ofNullable(answer.duration()).flatMap(NotteTimes::duration)
        .ifPresent(d -> b.attribute("duration", d));
    answer.others().forEach((key, value) -> b.attribute(ServerData.text(key), bounded(value)));
    return b.build();
  }

  /**
   * The CDP and viewer URLs of a {@code SessionDebugResponse}.
   *
   * @param debug the answer, or {@code null}
   * @param info the session to complete
   * @param server checks the URLs
   * @return the session with the URLs it lacked
   */
  public static SessionInfo withDebugUrls(SessionDebugResponse debug, SessionInfo info,
      ServerData server) {
    if (debug == null) {
      return info;
    }
    SessionInfo.Builder b = info.toBuilder();
    if (info.cdpUrl().isEmpty()) {
      server.cdpUrl(b, debug.cdpUrl());
    }
    if (info.liveViewUrl().isEmpty()) {
      server.liveViewUrl(b, debug.debugUrl());
    }
    return b.build();
  }

  /**
   * A timestamp, with or without offset.
   *
   * @param text the field's text, or {@code null}
   * @return the instant, or {@code null}
   */
  public static Instant instant(String text) {
    return text == null ? null : NotteTimes.instant(text).orElse(null);
  }

  /**
   * An attribute value: a text as {@link ServerData#text} keeps it, small containers read-only
   * with their keys and texts passed through it too, others as their cut JSON text.
   */
  private static Object bounded(Object v) {
    if (v instanceof String s) {
      return ServerData.text(s);
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

  /**
   * Makes a bound container (and those inside it) read-only, its keys and texts passed through
   * {@link ServerData#text}: a list in place, a map copied when a key needs cleaning.
   */
  @SuppressWarnings("unchecked")
  private static Object readOnly(Object v) {
    if (v instanceof String s) {
      return ServerData.text(s);
    }
    if (v instanceof Map<?, ?> m) {
      boolean keysClean = true;
      for (Object k : m.keySet()) {
        keysClean &= !(k instanceof String key) || ServerData.text(key).equals(key);
      }
      if (keysClean) {
        ((Map<Object, Object>) m).replaceAll((k, x) -> readOnly(x));
        return Collections.unmodifiableMap(m);
      }
      Map<Object, Object> clean = new LinkedHashMap<>();
      m.forEach((k, x) -> clean.put(k instanceof String key ? ServerData.text(key) : k,
          readOnly(x)));
      return Collections.unmodifiableMap(clean);
    }
    if (v instanceof List<?> l) {
      ((List<Object>) l).replaceAll(SessionResponses::readOnly);
      return Collections.unmodifiableList(l);
    }
    return v;
  }

  private static Duration minutes(Number n) {
    if (n == null) {
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
}
