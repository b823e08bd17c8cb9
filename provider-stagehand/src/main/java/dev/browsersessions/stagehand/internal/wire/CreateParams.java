package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code browserbaseSessionCreateParams}: the Browserbase session Stagehand starts.
 *
 * @param region e.g. {@code eu-central-1}, or {@code null} for the default
 * @param timeout the maximum duration in whole seconds (60..21600), or {@code null}
 * @param keepAlive keep the session after disconnections, or {@code null}
 * @param proxies {@code Boolean.TRUE} or a list of {@link ProxyConfig}, or {@code null}
 * @param browserSettings the browser's settings, or {@code null}
 * @param userMetadata tags stored with the session, or {@code null}
 * @param extensionId an uploaded extension, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateParams(
    String region,
    Integer timeout,
    Boolean keepAlive,
    Object proxies,
    BrowserSettings browserSettings,
    Map<String, Object> userMetadata,
    String extensionId) {}
