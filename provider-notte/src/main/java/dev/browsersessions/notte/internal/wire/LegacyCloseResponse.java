package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of the legacy {@code POST /session/close}.
 *
 * @param sessionId the session
 * @param error why it was not closed, when it was not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegacyCloseResponse(@JsonProperty("session_id") String sessionId, String error) {}
