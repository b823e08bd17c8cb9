package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /sessions}: Notte answers a {@code PaginatedResponse_SessionResponse_}
 * ({@code {items, has_next, …}}) or, on some deployments, a bare array of sessions; both read
 * here. An item that is not an object is kept (its {@link SessionResponse#notAnObject()} set; a
 * {@code null} item stays {@code null}).
 *
 * @param items the sessions, or {@code null} when the answer has no items array
 * @param hasNext whether the answer is a page with {@code has_next: true}
 * @param excerpt the answer's text when it has no items array, for the error ({@code null}
 *     otherwise)
 */
public record SessionPage(List<SessionResponse> items, boolean hasNext, String excerpt) {

  /**
   * Reads a bound answer.
   *
   * @param answer the JSON bound to plain Java values, or {@code null}
   * @return the page
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SessionPage of(Object answer) {
    Object items = answer instanceof Map<?, ?> m ? m.get("items") : answer;
    if (!(items instanceof List<?> list)) {
      return new SessionPage(null, false, answer == null ? null : String.valueOf(answer));
    }
    return new SessionPage(list.stream().map(SessionResponse::item).toList(),
        answer instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("has_next")), null);
  }
}
