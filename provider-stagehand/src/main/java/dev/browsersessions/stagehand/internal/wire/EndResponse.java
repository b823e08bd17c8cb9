package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Answer of {@code POST /v1/sessions/{id}/end}: {@code {"success": true}}.
 *
 * @param success whether Stagehand ended its session
 * @param message Stagehand's explanation when not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndResponse(Boolean success, String message) {}
