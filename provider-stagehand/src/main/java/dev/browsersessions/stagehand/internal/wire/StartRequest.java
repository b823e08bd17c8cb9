package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /v1/sessions/start} ({@code SessionStartRequest} in the Stagehand spec).
 *
 * @param modelName the model for AI operations; required by the API
 * @param browserbaseSessionCreateParams what Stagehand forwards to Browserbase's session create
 * @param systemPrompt a custom system prompt, or {@code null}
 * @param verbose logging verbosity 0, 1 or 2, or {@code null}
 * @param domSettleTimeoutMs how long to wait for the DOM to settle, or {@code null}
 * @param selfHeal whether failed actions self-heal, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartRequest(
    String modelName,
    CreateParams browserbaseSessionCreateParams,
    String systemPrompt,
    Integer verbose,
    Long domSettleTimeoutMs,
    Boolean selfHeal) {}
