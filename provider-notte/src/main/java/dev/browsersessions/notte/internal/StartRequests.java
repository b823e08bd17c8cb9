package dev.browsersessions.notte.internal;

import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a {@link SessionRequest} to Notte's {@code ApiSessionStartRequest}, checking Notte's limits
 * before any call: {@code idle_timeout_minutes} 1..30, {@code max_duration_minutes} 1..1440.
 * Durations that are not whole minutes round up. {@code solve_captchas} is always
 * sent, because Notte's default has changed between versions; {@code providerOptions} are merged
 * in last and win.
 */
public final class StartRequests {

  /** Notte's largest idle timeout. */
  public static final int MAX_IDLE_MINUTES = 30;
  /** Notte's largest maximum duration. */
  public static final int MAX_DURATION_MINUTES = 1440;

  private static final SecureRandom RANDOM = new SecureRandom();

  private StartRequests() {}

  /**
   * A fresh {@code Idempotency-Key}: 32 random bytes in hex, as Notte's Go CLI sends.
   *
   * @return 64 lowercase hex characters
   */
  public static String idempotencyKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Builds the JSON body.
   *
   * @param r the request (options already checked against the provider's capabilities)
   * @return the body, as a map Jackson serialises
   * @throws InvalidSessionRequestException naming the field and Notte's limit
   */
  public static Map<String, Object> body(SessionRequest r) {
    Map<String, Object> body = new LinkedHashMap<>();
    Long idle = r.idleTimeout().map(d -> minutes(d, "idleTimeout", MAX_IDLE_MINUTES)).orElse(null);
    Long max =
        r.maxDuration().map(d -> minutes(d, "maxDuration", MAX_DURATION_MINUTES)).orElse(null);
    // idle <= max holds after rounding too: SessionRequest checked it and rounding up is monotonic.
    if (idle != null) {
      body.put("idle_timeout_minutes", idle);
    }
    if (max != null) {
      body.put("max_duration_minutes", max);
    }
    r.headless().ifPresent(h -> body.put("headless", h));
    r.viewport().ifPresent(v -> {
      body.put("viewport_width", v.width());
      body.put("viewport_height", v.height());
    });
    r.userAgent().ifPresent(ua -> body.put("user_agent", ua));
    r.proxy().ifPresent(p -> body.put("proxies", proxies(p)));
    body.put("solve_captchas", r.solveCaptchas());
    body.putAll(r.providerOptions());
    return body;
  }

  private static long minutes(Duration d, String field, int limit) {
    long m = NotteTimes.ceilMinutes(d);
    if (m > limit) {
      throw new InvalidSessionRequestException(
          field,
          field + " is " + d + " (" + m + " minutes); Notte allows 1 to " + limit + " minutes");
    }
    return m;
  }

  private static Object proxies(ProxySettings p) {
    if (p instanceof ProxySettings.Managed managed) {
      if (managed.country().isEmpty()) {
        return true;
      }
      return List.of(Map.of("type", "notte",
          "country", managed.country().get().toLowerCase(Locale.ROOT)));
    }
    ProxySettings.External e = (ProxySettings.External) p;
    Map<String, Object> proxy = new LinkedHashMap<>();
    proxy.put("type", "external");
    proxy.put("server", e.server());
    e.username().ifPresent(u -> proxy.put("username", u));
    e.password().ifPresent(pw -> proxy.put("password", pw));
    return List.of(proxy);
  }
}
