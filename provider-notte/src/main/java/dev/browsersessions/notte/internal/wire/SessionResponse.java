package dev.browsersessions.notte.internal.wire;

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
 * values. Every answer is read with {@link Reader}, straight from the parser into the fields: a
 * session answer, and each listed item of a {@link SessionPage}. An answer that is not a JSON
 * object fails in the decoder, as any unreadable answer, and a listed item that is not an object
 * is kept (as {@link #notAnObject()}) and reported with its excerpt. A test checks that it reads
 * what binding the answer to a map of plain Java values and picking the fields reads.
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
   * A listed item that is not a JSON object, kept to report it.
   *
   * @param item the item as bound (a {@code List}, {@code String}, {@code Number} or {@code
   *     Boolean})
   * @return the response with only {@link #notAnObject()} set
   */
  static SessionResponse notAnObject(Object item) {
    return new SessionResponse(null, null, null, null, null, null, null, null, null, null, null,
        null, Map.of(), Set.of(), item);
  }

  /**
   * Reads a session answer from the parser, field by field, without binding it to a map first (a
   * status call reads one per answer, a list page one per item). Unknown fields are bound to plain
   * Java values, as {@link #others()} holds them; a field named twice keeps its last value, as a
   * map binding does.
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
      return read(p, ctxt);
    }
  }

  /**
   * Reads the object the parser is at (its {@code START_OBJECT} is the current token).
   *
   * @param p the parser
   * @param ctxt binds unknown containers
   * @return the response
   * @throws IOException if the JSON is malformed
   */
  static SessionResponse read(JsonParser p, DeserializationContext ctxt) throws IOException {
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
}
