package dev.browsersessions;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor asked the caller to slow down (HTTP 429, or 408), including "too many concurrent
 * sessions". Retryable; {@link #retryAfter()} says how long the vendor asked to wait.
 */
public class RateLimitedException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** How long the vendor asked to wait, or {@code null}. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what the vendor said
   * @param provider the provider's name
   * @param httpStatus the vendor's status
   * @param retryAfter how long the vendor asked to wait, or {@code null} when it did not say
   */
  public RateLimitedException(
      String message, String provider, int httpStatus, Duration retryAfter) {
    super(message, provider, httpStatus, true, null);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the vendor asked the caller to wait before retrying.
   *
   * @return the delay, when the vendor gave one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
