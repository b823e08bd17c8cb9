package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A Browserbase {@code Session} as {@code GET /v1/sessions/{id}}, {@code GET /v1/sessions} and
 * {@code POST /v1/sessions/{id}} return it. Times are kept as the strings Browserbase sent.
 *
 * @param id the session id
 * @param status {@code PENDING}, {@code RUNNING}, {@code ERROR}, {@code TIMED_OUT}, {@code
 *     COMPLETED}, or a value added later
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param startedAt start time
 * @param endedAt end time, when ended
 * @param expiresAt when the session's timeout ends it
 * @param projectId the project
 * @param region the region it runs in
 * @param keepAlive whether it survives disconnections
 * @param proxyBytes proxy traffic so far
 * @param contextId the browser context, if any
 * @param userMetadata the caller's tags
 * @param connectUrl the CDP WebSocket URL, when returned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BrowserbaseSession(
    String id,
    String status,
    String createdAt,
    String updatedAt,
    String startedAt,
    String endedAt,
    String expiresAt,
    String projectId,
    String region,
    Boolean keepAlive,
    Long proxyBytes,
    String contextId,
    Map<String, Object> userMetadata,
    String connectUrl) {}
