package dev.browsersessions.notte.internal;

import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.internal.wire.ProxyRequest;
import dev.browsersessions.notte.internal.wire.StartSessionRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

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
   * Builds the start request.
   *
   * @param r the request (options already checked against the provider's capabilities)
   * @return the request Jackson writes
   * @throws InvalidSessionRequestException naming the field and Notte's limit
   */
  public static StartSessionRequest body(SessionRequest r) {
    Long idle = r.idleTimeout().map(d -> minutes(d, "idleTimeout", MAX_IDLE_MINUTES)).orElse(null);
    Long max =
        r.maxDuration().map(d -> minutes(d, "maxDuration", MAX_DURATION_MINUTES)).orElse(null);
    // idle <= max holds after rounding too: SessionRequest checked it and rounding up is monotonic.
    ProxySettings proxy = r.proxy().orElse(null);
    boolean anyProxy = proxy instanceof ProxySettings.Managed m && m.country().isEmpty();
    return new StartSessionRequest(idle, max, r.headless().orElse(null),
        r.viewport().map(v -> v.width()).orElse(null),
        r.viewport().map(v -> v.height()).orElse(null),
        r.userAgent().orElse(null), anyProxy, proxy == null || anyProxy ? null : proxies(proxy),
        r.solveCaptchas(), r.providerOptions());
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

  private static List<ProxyRequest> proxies(ProxySettings p) {
    if (p instanceof ProxySettings.Managed managed) {
      return List.of(ProxyRequest.notte(managed.country().orElseThrow().toLowerCase(Locale.ROOT)));
    }
    ProxySettings.External e = (ProxySettings.External) p;
    return List.of(ProxyRequest.external(e.server(), e.username().orElse(null),
        e.password().orElse(null)));
  }
}
