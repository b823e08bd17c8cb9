package dev.browsersessions.local.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a session whose ending or clean-up failed may be tried again: after {@link #FIRST} the
 * first time, the pause doubling with each failure up to {@link #MAX}; forgotten on success. The
 * one back-off shared by the watchdog and the provider's own check, so that neither retries a
 * failing session (each try may hold the session's lock for twice stop-grace) every tick.
 */
final class Retries {

  /** The first pause before a failed ending or clean-up is tried again; it doubles each time. */
  static final Duration FIRST = Duration.ofSeconds(1);
  /** The longest pause between tries. */
  static final Duration MAX = Duration.ofMinutes(1);

  private final Map<String, Retry> retries = new ConcurrentHashMap<>();

  /**
   * Whether a session may be tried now: it never failed, or its pause has passed.
   *
   * @param id the session id
   * @param now the time
   * @return {@code true} if it is due
   */
  boolean due(String id, Instant now) {
    Retry retry = retries.get(id);
    return retry == null || !now.isBefore(retry.next());
  }

  /**
   * Records how a try went: forgotten on success, otherwise the next one after a longer pause.
   *
   * @param id the session id
   * @param now when it was tried
   * @param succeeded whether it succeeded
   */
  void tried(String id, Instant now, boolean succeeded) {
    if (succeeded) {
      retries.remove(id);
      return;
    }
    Retry last = retries.get(id);
    Duration pause = last == null ? FIRST : last.pause().multipliedBy(2);
    if (pause.compareTo(MAX) > 0) {
      pause = MAX;
    }
    retries.put(id, new Retry(now.plus(pause), pause));
  }

  /**
   * Forgets every session but these.
   *
   * @param ids the sessions still known
   */
  void retainAll(Collection<String> ids) {
    retries.keySet().retainAll(ids);
  }

  /** When a failed try is tried again, and the pause that led there. */
  private record Retry(Instant next, Duration pause) {}
}
