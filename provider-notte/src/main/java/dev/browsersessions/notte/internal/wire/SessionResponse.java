package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notte's {@code SessionResponse}, read tolerantly: a field of the wrong type is left out (as if
 * absent), blank texts are absent, unknown fields are kept in {@link #others()} as bound JSON
 * values. Jackson reads an answer with {@link Reader}, straight from the parser into the fields
 * (an answer that is not a JSON object fails in the decoder, as any unreadable answer), which
 * gives what {@link #of(Map)} gives for the answer bound to a map of plain Java values; a listed item that is not an object is kept by {@link #item(Object)} (as {@link
 * #notAnObject()}) and reported with its excerpt.
 *
 * @param sessionId {@code session_id}, when a non-blank text
 * @param status {@code status}, when a text (possibly blank)
 * @param createdAt {@code created_at}, ISO-8601 with or without offset
 * @param lastAccessedAt {@code last_accessed_at}
 * @param closedAt {@code closed_at}
 * @param idleTimeoutMinutes {@code idle_timeout_minutes}, when a number
 * @param maxDurationMinutes {@code max_duration_minutes}, when a number
 * @param cdpUrl {@code cdp_url}
 * @param viewerUrl {@code viewer_url}
 * @param closeReason {@code close_reason}
 * @param error {@code error} (also kept in {@link #others()})
 * @param duration {@code duration}, e.g. {@code 0:05:00}
 * @param others every other non-null field, as bound (the request fields Notte echoes among them:
 *     kept untyped because a wrongly typed echo must count as a contradiction, see {@code
 *     StartEcho}, and they reach the attributes as they are)
 * @param dropped the fields with a component of their own that had a value it could not hold
 *     (wrong type, blank text), so were left out
 * @param notAnObject the listed item itself when it is not a JSON object ({@code null} otherwise; then
 *     every other component is empty)
 */
@JsonDeserialize(using = SessionResponse.Reader.class)
public record SessionResponse(
    String sessionId,
    String status,
    String createdAt,
    String lastAccessedAt,
    String closedAt,
    Number idleTimeoutMinutes,
    Number maxDurationMinutes,
    String cdpUrl,
    String viewerUrl,
    String closeReason,
    String error,
    String duration,
    Map<String, Object> others,
    Set<String> dropped,
    Object notAnObject) {

  /** The fields with a component of their own (not repeated in {@link #others()}). */
  private static final List<String> TYPED =
      List.of("session_id", "status", "created_at", "last_accessed_at", "closed_at",
          "idle_timeout_minutes", "max_duration_minutes", "cdp_url", "viewer_url", "close_reason",
          "duration");
  private static final Set<String> MAPPED = Set.copyOf(TYPED);

  /**
   * Reads a bound answer.
   *
   * @param answer the JSON object bound to plain Java values ({@code Map}, {@code List}, {@code
   *     String}, {@code Number}, {@code Boolean})
   * @return the response
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SessionResponse of(Map<String, Object> answer) {
    return read(answer);
  }

  /**
   * Reads a listed item, which may not be an object.
   *
   * @param item the item bound to plain Java values, or {@code null}
   * @return the response ({@code null} for a {@code null} item); only {@link #notAnObject()} set
   *     if the item is not an object
   */
  public static SessionResponse item(Object item) {
    if (item == null) {
      return null;
    }
    if (item instanceof Map<?, ?> m) {
      return read(m);
    }
    return new SessionResponse(null, null, null, null, null, null, null, null, null, null, null,
        null, Map.of(), Set.of(), item);
  }

  /**
   * Reads a session answer from the parser, field by field: the record {@link #of(Map)} gives for
   * the same answer bound to a map, without binding the map first (a status call reads one per
   * answer). Unknown fields are bound to plain Java values, as {@link #others()} holds them.
   */
  static final class Reader extends StdDeserializer<SessionResponse> {

    private static final long serialVersionUID = 1L;

    Reader() {
      super(SessionResponse.class);
    }

    @Override
    public SessionResponse deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (!p.isExpectedStartObjectToken()) {
        return (SessionResponse) ctxt.handleUnexpectedToken(Map.class, p);
      }
      Object[] raw = new Object[RAW.size()];
      Map<String, Object> others = new LinkedHashMap<>();
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        Object value = switch (t) {
          case VALUE_STRING -> p.getText();
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
          case VALUE_TRUE -> Boolean.TRUE;
          case VALUE_FALSE -> Boolean.FALSE;
          case VALUE_NULL -> null;
          default -> ctxt.readValue(p, Object.class); // an object or array, bound untyped
        };
        Integer slot = RAW.get(name);
        if (slot != null) {
          raw[slot] = value;
        }
        if (!MAPPED.contains(name)) {
          if (value == null) {
            others.remove(name); // as a map binding: the last of two equal keys wins
          } else {
            others.put(name, value);
          }
        }
      }
      return build(raw, others);
    }
  }

  /** Each field read into a slot of {@link Reader}: the typed ones, then {@code error}. */
  private static final Map<String, Integer> RAW = raw();

  private static Map<String, Integer> raw() {
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < TYPED.size(); i++) {
      slots.put(TYPED.get(i), i);
    }
    slots.put("error", TYPED.size());
    return Map.copyOf(slots);
  }

  private static SessionResponse build(Object[] raw, Map<String, Object> others) {
    SessionResponse r = new SessionResponse(text(raw[0]), raw[1] instanceof String s ? s : null,
        text(raw[2]), text(raw[3]), text(raw[4]), number(raw[5]), number(raw[6]), text(raw[7]),
        text(raw[8]), text(raw[9]), text(raw[TYPED.size()]), text(raw[10]),
        Collections.unmodifiableMap(others), Set.of(), null);
    Object[] kept = r.typed();
    Set<String> dropped = null;
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] == null && raw[i] != null) {
        if (dropped == null) {
          dropped = new HashSet<>();
        }
        dropped.add(TYPED.get(i));
      }
    }
    return dropped == null ? r : new SessionResponse(r.sessionId, r.status, r.createdAt,
        r.lastAccessedAt, r.closedAt, r.idleTimeoutMinutes, r.maxDurationMinutes, r.cdpUrl,
        r.viewerUrl, r.closeReason, r.error, r.duration, r.others, Set.copyOf(dropped), null);
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static Number number(Object value) {
    return value instanceof Number n ? n : null;
  }

  private static SessionResponse read(Map<?, ?> m) {
    Map<String, Object> others = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getValue() != null && e.getKey() instanceof String key && !MAPPED.contains(key)) {
        others.put(key, e.getValue());
      }
    }
    SessionResponse r = new SessionResponse(text(m, "session_id"),
        m.get("status") instanceof String s ? s : null,
        text(m, "created_at"), text(m, "last_accessed_at"), text(m, "closed_at"),
        number(m, "idle_timeout_minutes"), number(m, "max_duration_minutes"),
        text(m, "cdp_url"), text(m, "viewer_url"), text(m, "close_reason"), text(m, "error"),
        text(m, "duration"), Collections.unmodifiableMap(others), Set.of(), null);
    Object[] kept = r.typed();
    Set<String> dropped = new HashSet<>();
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] == null && m.get(TYPED.get(i)) != null) {
        dropped.add(TYPED.get(i));
      }
    }
    return dropped.isEmpty() ? r : new SessionResponse(r.sessionId, r.status, r.createdAt,
        r.lastAccessedAt, r.closedAt, r.idleTimeoutMinutes, r.maxDurationMinutes, r.cdpUrl,
        r.viewerUrl, r.closeReason, r.error, r.duration, r.others, Set.copyOf(dropped), null);
  }

  /**
   * The session id.
   *
   * @return the id, when the answer has a non-blank text one
   */
  public Optional<String> id() {
    return Optional.ofNullable(sessionId);
  }

  /**
   * An echoed or unknown field, as bound.
   *
   * @param field its JSON name, e.g. {@code headless}
   * @return its value, or {@code null} when absent or {@code null}
   */
  public Object other(String field) {
    return others.get(field);
  }

  /**
   * The answer's fields as this record keeps them, for an error's excerpt: the typed ones first,
   * then the others (a mapped field of the wrong type was dropped when read, so it is absent).
   *
   * @return a new map of the JSON names to their values
   */
  public Map<String, Object> fields() {
    Map<String, Object> all = new LinkedHashMap<>();
    Object[] typed = typed();
    for (int i = 0; i < TYPED.size(); i++) {
      if (typed[i] != null) {
        all.put(TYPED.get(i), typed[i]);
      }
    }
    all.putAll(others);
    return all;
  }

  /** The typed components, in the order of {@link #TYPED}. */
  private Object[] typed() {
    return new Object[] {sessionId, status, createdAt, lastAccessedAt, closedAt,
        idleTimeoutMinutes, maxDurationMinutes, cdpUrl, viewerUrl, closeReason, duration};
  }

  /** A non-blank text field of a bound object, or {@code null}. */
  static String text(Map<?, ?> node, String field) {
    return node.get(field) instanceof String s && !s.isBlank() ? s : null;
  }

  private static Number number(Map<?, ?> node, String field) {
    return node.get(field) instanceof Number n ? n : null;
  }
}
