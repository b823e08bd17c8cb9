package dev.browsersessions.notte.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Notte's {@code SessionResponse} tolerantly: unknown fields go to the attributes, unknown
 * statuses become {@link SessionStatus#UNKNOWN}, timestamps with or without offset are accepted;
 * only a missing {@code session_id} or {@code status} makes the answer unusable.
 */
public final class SessionResponses {

  private static final Set<String> MAPPED =
      Set.of("session_id", "status", "created_at", "last_accessed_at", "closed_at",
          "idle_timeout_minutes", "max_duration_minutes", "cdp_url", "viewer_url", "close_reason");

  private static final int MAX_ATTRIBUTE_TEXT = 2048;

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
   * @param node the JSON
   * @param provider the provider's name
   * @param mapper for converting extras to plain Java values
   * @return the session
   * @throws ProviderProtocolException if the answer has no usable id or status
   */
  public static SessionInfo toInfo(JsonNode node, String provider, ObjectMapper mapper) {
    if (node == null || !node.isObject()) {
      throw new ProviderProtocolException(
          "Notte answered " + (node == null ? "nothing" : "a " + node.getNodeType())
              + " where a session was expected", provider, 200, text(node), null);
    }
    String id = node.path("session_id").isTextual() ? node.path("session_id").asText() : null;
    JsonNode statusNode = node.path("status");
    if (id == null || id.isBlank() || !statusNode.isTextual()) {
      throw new ProviderProtocolException(
          "Notte's session answer lacks " + (id == null || id.isBlank() ? "session_id" : "status"),
          provider, 200, text(node), null);
    }
    SessionInfo.Builder b = SessionInfo.builder(id, provider, status(statusNode.asText()))
        .createdAt(instant(node, "created_at"))
        .lastActiveAt(instant(node, "last_accessed_at"))
        .closedAt(instant(node, "closed_at"))
        .idleTimeout(minutes(node, "idle_timeout_minutes"))
        .maxDuration(minutes(node, "max_duration_minutes"))
        .cdpUrl(uri(node, "cdp_url").orElse(null))
        .liveViewUrl(uri(node, "viewer_url").orElse(null))
        .attribute("notte.status", statusNode.asText());
    Optional<String> reason = textField(node, "close_reason").or(() -> textField(node, "error"));
    reason.ifPresent(b::closeReason);
    NotteTimes.duration(node.path("duration").asText(null)).ifPresent(
        d -> b.attribute("duration", d));
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!MAPPED.contains(e.getKey()) && !e.getKey().equals("duration")
          && !e.getValue().isNull()) {
        b.attribute(e.getKey(), plain(e.getValue(), mapper));
      }
    }
    return b.build();
  }

  /**
   * The CDP and viewer URLs of a {@code SessionDebugResponse}.
   *
   * @param debug the JSON
   * @param info the session to complete
   * @return the session with the URLs it lacked
   */
  public static SessionInfo withDebugUrls(JsonNode debug, SessionInfo info) {
    SessionInfo.Builder b = info.toBuilder();
    if (info.cdpUrl().isEmpty()) {
      uri(debug.path("ws"), "cdp").ifPresent(b::cdpUrl);
    }
    if (info.liveViewUrl().isEmpty()) {
      uri(debug, "debug_url").ifPresent(b::liveViewUrl);
    }
    return b.build();
  }

  /** A JSON value as plain Java (String, Number, Boolean, List, Map), long texts cut. */
  private static Object plain(JsonNode v, ObjectMapper mapper) {
    if (v.isContainerNode() && v.toString().length() > MAX_ATTRIBUTE_TEXT) {
      return v.toString().substring(0, MAX_ATTRIBUTE_TEXT) + "…";
    }
    return plain(v);
  }

  private static Object plain(JsonNode v) {
    if (v.isTextual()) {
      String s = v.asText();
      return s.length() <= MAX_ATTRIBUTE_TEXT ? s : s.substring(0, MAX_ATTRIBUTE_TEXT) + "…";
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      return v.numberValue();
    }
    if (v.isArray()) {
      java.util.List<Object> list = new java.util.ArrayList<>(v.size());
      v.forEach(e -> list.add(plain(e)));
      return java.util.Collections.unmodifiableList(list);
    }
    if (v.isObject()) {
      Map<String, Object> map = new java.util.LinkedHashMap<>();
      v.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return java.util.Collections.unmodifiableMap(map);
    }
    return v.isNull() ? null : v.asText();
  }

  private static java.time.Instant instant(JsonNode node, String field) {
    return textField(node, field).flatMap(NotteTimes::instant).orElse(null);
  }

  private static Duration minutes(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.canConvertToLong() || v.asLong() <= 0 || v.asLong() > 1_000_000) {
      return null;
    }
    return Duration.ofMinutes(v.asLong());
  }

  private static Optional<URI> uri(JsonNode node, String field) {
    return textField(node, field).flatMap(s -> {
      try {
        URI u = URI.create(s.trim());
        return u.isAbsolute() ? Optional.of(u) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }

  private static Optional<String> textField(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.toString();
  }
}
