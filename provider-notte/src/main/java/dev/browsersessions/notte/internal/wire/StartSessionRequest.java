package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Notte's {@code ApiSessionStartRequest} as this library sends it. Written by {@link #json()}: the
 * fields set, in this order, then the caller's {@code providerOptions}, which win (a provider
 * option naming a field replaces its value in place), exactly as the JSON Notte has always been
 * sent. {@link #toString()} shows no proxy credentials and no provider options.
 *
 * @param idleTimeoutMinutes {@code idle_timeout_minutes}, or {@code null} for Notte's default
 * @param maxDurationMinutes {@code max_duration_minutes}, or {@code null}
 * @param headless {@code headless}, or {@code null}
 * @param viewportWidth {@code viewport_width}, or {@code null}
 * @param viewportHeight {@code viewport_height}, or {@code null}
 * @param userAgent {@code user_agent}, or {@code null}
 * @param anyProxy {@code true} for {@code proxies: true} (Notte's proxies, any country), else
 *     {@code false}
 * @param proxies the {@code proxies} list, or {@code null} (then {@code anyProxy} decides)
 * @param solveCaptchas {@code solve_captchas}, always sent
 * @param providerOptions the caller's raw fields, sent last; never {@code null}
 */
public record StartSessionRequest(
    Long idleTimeoutMinutes,
    Long maxDurationMinutes,
    Boolean headless,
    Integer viewportWidth,
    Integer viewportHeight,
    String userAgent,
    boolean anyProxy,
    List<ProxyRequest> proxies,
    boolean solveCaptchas,
    Map<String, Object> providerOptions) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code providerOptions} is {@code null}
   */
  public StartSessionRequest {
    proxies = proxies == null ? null : List.copyOf(proxies);
    providerOptions = Collections.unmodifiableMap(new LinkedHashMap<>(
        Objects.requireNonNull(providerOptions, "providerOptions")));
  }

  /**
   * The JSON object sent, field by field.
   *
   * @return a new map, in wire order
   */
  @JsonValue
  public Map<String, Object> json() {
    Map<String, Object> body = new LinkedHashMap<>();
    put(body, "idle_timeout_minutes", idleTimeoutMinutes);
    put(body, "max_duration_minutes", maxDurationMinutes);
    put(body, "headless", headless);
    put(body, "viewport_width", viewportWidth);
    put(body, "viewport_height", viewportHeight);
    put(body, "user_agent", userAgent);
    put(body, "proxies", proxies != null ? proxies : anyProxy ? Boolean.TRUE : null);
    body.put("solve_captchas", solveCaptchas);
    body.putAll(providerOptions);
    return body;
  }

  @Override
  public String toString() {
    return "StartSessionRequest[idle_timeout_minutes=" + idleTimeoutMinutes
        + ", max_duration_minutes=" + maxDurationMinutes + ", headless=" + headless
        + ", viewport=" + viewportWidth + "x" + viewportHeight + ", proxies="
        + (proxies != null || anyProxy) + ", solve_captchas=" + solveCaptchas
        + ", providerOptions=" + providerOptions.keySet() + "]";
  }

  private static void put(Map<String, Object> body, String field, Object value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
