package dev.browsersessions.notte.internal.wire;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference the readers are checked against: Notte's answers bound to maps of plain Java
 * values first (Jackson's untyped binding), then picked field by field. Written apart from the
 * readers on purpose (tests only): {@link SessionResponse.Reader} and {@link SessionPage.Reader}
 * read straight from the parser and must give what this gives.
 */
final class MapReference {

  /** The fields with a component of their own, as the record documents them. */
  private static final List<String> TYPED = List.of("session_id", "status", "created_at",
      "last_accessed_at", "closed_at", "idle_timeout_minutes", "max_duration_minutes", "cdp_url",
      "viewer_url", "close_reason", "duration");

  private MapReference() {}

  /** A session answer bound to a map. */
  static SessionResponse session(Map<?, ?> m) {
    Map<String, Object> others = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getValue() != null && e.getKey() instanceof String key && !TYPED.contains(key)) {
        others.put(key, e.getValue());
      }
    }
    String status = m.get("status") instanceof String s ? s : null;
    Object[] kept = {text(m, "session_id"), status, text(m, "created_at"),
        text(m, "last_accessed_at"), text(m, "closed_at"), number(m, "idle_timeout_minutes"),
        number(m, "max_duration_minutes"), text(m, "cdp_url"), text(m, "viewer_url"),
        text(m, "close_reason"), text(m, "duration")};
    Set<String> dropped = new HashSet<>();
    for (int i = 0; i < TYPED.size(); i++) {
      if (kept[i] == null && m.get(TYPED.get(i)) != null) {
        dropped.add(TYPED.get(i));
      }
    }
    return new SessionResponse((String) kept[0], status, (String) kept[2], (String) kept[3],
        (String) kept[4], (Number) kept[5], (Number) kept[6], (String) kept[7], (String) kept[8],
        (String) kept[9], text(m, "error"), (String) kept[10], Collections.unmodifiableMap(others),
        Set.copyOf(dropped), null);
  }

  /** A listed item bound to a plain value: a session, {@code null}, or kept as not an object. */
  static SessionResponse item(Object item) {
    if (item == null) {
      return null;
    }
    if (item instanceof Map<?, ?> m) {
      return session(m);
    }
    return new SessionResponse(null, null, null, null, null, null, null, null, null, null, null,
        null, Map.of(), Set.of(), item);
  }

  /** A page bound to a plain value: a bare array, or an object with an items array. */
  static SessionPage page(Object answer) {
    Object items = answer instanceof Map<?, ?> m ? m.get("items") : answer;
    if (!(items instanceof List<?> list)) {
      return new SessionPage(null, false, answer == null ? null : String.valueOf(answer));
    }
    return new SessionPage(list.stream().map(MapReference::item).toList(),
        answer instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("has_next")), null);
  }

  private static String text(Map<?, ?> m, String field) {
    return m.get(field) instanceof String s && !s.isBlank() ? s : null;
  }

  private static Number number(Map<?, ?> m, String field) {
    return m.get(field) instanceof Number n ? n : null;
  }
}
