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
      boolean asked = !(Boolean.FALSE.equals(proxies)
          || (proxies instanceof List<?> l && l.isEmpty()));
      return asked == applied;
    }
    return true;
  }

  private static boolean same(Object want, Object got) {
    if (want instanceof Number w && got instanceof Number g) {
      return w.doubleValue() == g.doubleValue();
    }
    return want.equals(got);
  }
}
