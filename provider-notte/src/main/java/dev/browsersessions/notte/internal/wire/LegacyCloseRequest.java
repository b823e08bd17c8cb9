package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the legacy {@code POST /session/close} of older deployments.
 *
 * @param sessionId the session to close
 */
public record LegacyCloseRequest(@JsonProperty("session_id") String sessionId) {}
