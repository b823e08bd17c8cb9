package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Answer of Browserbase's {@code GET /v1/sessions/{id}/debug}.
 *
 * @param debuggerFullscreenUrl the full-screen live view a person can open
 * @param debuggerUrl the live view with DevTools
 * @param wsUrl the DevTools WebSocket
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveUrls(String debuggerFullscreenUrl, String debuggerUrl, String wsUrl) {}
