package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Answer of {@code POST /sessions/{id}/cookies}.
 *
 * @param success whether Notte set them
 * @param message why not, when not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SetCookiesResponse(Boolean success, String message) {}
