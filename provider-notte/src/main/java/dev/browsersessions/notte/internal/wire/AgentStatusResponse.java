package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Notte's {@code AgentStatusResponse} (answer of {@code DELETE /agents/{id}/stop}).
 *
 * @param agentId the agent
 * @param sessionId the session it runs in
 * @param status e.g. {@code active}, {@code closed}
 * @param createdAt ISO-8601, with or without offset
 * @param closedAt ISO-8601, with or without offset
 * @param success whether the agent succeeded, when it has ended
 * @param answer the agent's answer: a text, or any JSON value (then ignored)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentStatusResponse(
    @JsonProperty("agent_id") String agentId,
    @JsonProperty("session_id") String sessionId,
    String status,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("closed_at") String closedAt,
    Boolean success,
    Object answer) {}
