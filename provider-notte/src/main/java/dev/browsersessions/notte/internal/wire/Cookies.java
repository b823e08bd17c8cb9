package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A session's cookies: the answer of {@code GET /sessions/{id}/cookies} and the body of {@code
 * POST /sessions/{id}/cookies}. Notte's {@code Cookie} objects keep their camelCase keys as on
 * the wire.
 *
 * @param cookies the cookies; {@code null} when an answer lacks them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cookies(List<Map<String, Object>> cookies) {}
