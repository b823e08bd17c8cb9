package dev.browsersessions.notte.internal;

import java.util.List;
import java.util.Map;

/**
 * Whether a listed {@code SessionResponse} echoes a start request: every request field Notte
 * echoes back ({@code idle_timeout_minutes}, {@code max_duration_minutes}, {@code headless},
 * {@code viewport_width}, {@code viewport_height}, {@code user_agent}, {@code solve_captchas},
 * whether {@code proxies} were applied) that was sent must have the sent value. A field the answer
 * leaves out or sets to {@code null} is not held against it (older deployments echo less).
 */
public final class StartEcho {

  private static final List<String> ECHOED = List.of("idle_timeout_minutes",
      "max_duration_minutes", "headless", "viewport_width", "viewport_height", "user_agent",
      "solve_captchas");

  private StartEcho() {}

  /**
   * Compares a listed session with a request body.
   *
   * @param sent the start body this provider sent
   * @param echoed a listed {@code SessionResponse}, bound to plain Java values
   * @return {@code true} if nothing it echoes contradicts the request
   */
  public static boolean matches(Map<String, Object> sent, Map<?, ?> echoed) {
    for (String field : ECHOED) {
      Object want = sent.get(field);
      Object got = echoed.get(field);
      if (want != null && got != null && !same(want, got)) {
        return false;
      }
    }
    Object proxies = sent.get("proxies");
    if (proxies != null && echoed.get("proxies") instanceof Boolean applied) {
      return asked(proxies) == applied;
    }
    return true;
  }

  /**
   * The request fields a lost create is recognised by, for a report: only the echoed ones (never
   * proxy settings, which may hold credentials; only whether proxies were asked for).
   *
   * @param sent the start body this provider sent
   * @return e.g. {@code {idle_timeout_minutes=5, headless=true, proxies=false}}
   */
  public static String describe(Map<String, Object> sent) {
    Map<String, Object> shown = new java.util.LinkedHashMap<>();
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
