package dev.browsersessions.notte.internal;

import dev.browsersessions.notte.internal.wire.SessionResponse;
import dev.browsersessions.notte.internal.wire.StartSessionRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a listed {@code SessionResponse} echoes a start request: every request field Notte
 * echoes back ({@code idle_timeout_minutes}, {@code max_duration_minutes}, {@code headless},
 * {@code viewport_width}, {@code viewport_height}, {@code user_agent}, {@code solve_captchas},
 * whether {@code proxies} were applied) that was sent must have the sent value. A field the answer
 * leaves out or sets to {@code null} is not held against it (older deployments echo less). The
 * values compared are the ones sent ({@link StartSessionRequest#json()}, provider options
 * included) and the ones echoed as bound (a wrongly typed echo contradicts).
 */
public final class StartEcho {

  private static final List<String> ECHOED = List.of("idle_timeout_minutes",
      "max_duration_minutes", "headless", "viewport_width", "viewport_height", "user_agent",
      "solve_captchas");

  private StartEcho() {}

  /**
   * Compares a listed session with a request body.
   *
   * @param request the start request this provider sent
   * @param echoed a listed {@code SessionResponse}
   * @return {@code true} if nothing it echoes contradicts the request
   */
  public static boolean matches(StartSessionRequest request, SessionResponse echoed) {
    Map<String, Object> sent = request.json();
    for (String field : ECHOED) {
      Object want = sent.get(field);
      Object got = echoed(echoed, field);
      if (want != null && (echoed.dropped().contains(field) || got != null && !same(want, got))) {
        return false; // a mistyped echo contradicts
      }
    }
    Object proxies = sent.get("proxies");
    if (proxies != null && echoed.other("proxies") instanceof Boolean applied) {
      return asked(proxies) == applied;
    }
    return true;
  }

  /**
   * The request fields a lost create is recognised by, for a report: only the echoed ones (never
   * proxy settings, which may hold credentials; only whether proxies were asked for).
   *
   * @param request the start request this provider sent
   * @return e.g. {@code {idle_timeout_minutes=5, headless=true, proxies=false}}
   */
  public static String describe(StartSessionRequest request) {
    Map<String, Object> sent = request.json();
    Map<String, Object> shown = new LinkedHashMap<>();
    for (String field : ECHOED) {
      if (sent.get(field) != null) {
        shown.put(field, sent.get(field));
      }
    }
    Object proxies = sent.get("proxies");
    if (proxies != null) {
      shown.put("proxies", asked(proxies));
    }
    return shown.toString();
  }

  /** An echoed field: the two Notte maps to durations are typed, the others as bound. */
  private static Object echoed(SessionResponse echoed, String field) {
    return switch (field) {
      case "idle_timeout_minutes" -> echoed.idleTimeoutMinutes();
      case "max_duration_minutes" -> echoed.maxDurationMinutes();
      default -> echoed.other(field);
    };
  }

  /** Whether a sent {@code proxies} value asks for proxies. */
  private static boolean asked(Object proxies) {
    return !(Boolean.FALSE.equals(proxies) || (proxies instanceof List<?> l && l.isEmpty()));
  }

  private static boolean same(Object want, Object got) {
    if (want instanceof Number w && got instanceof Number g) {
      return w.doubleValue() == g.doubleValue();
    }
    return want.equals(got);
  }
}
