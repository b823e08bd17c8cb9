package dev.browsersessions.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider is about to retry a vendor call after a transient failure. Reported by the provider
 * through {@link ProviderEvents#retrying}.
 *
 * @param provider the provider's name
 * @param operation the client operation the vendor call serves
 * @param attempt the number of the attempt about to be made: 2 for the first retry
 * @param delay how long the provider waits before it
 * @param failure what the previous attempt threw
 */
public record Retry(
    String provider, Operation operation, int attempt, Duration delay, Throwable failure) {

  /**
   * Checks the fields.
   *
   * @param provider the provider's name
   * @param operation the client operation
   * @param attempt the attempt about to be made, at least 2
   * @param delay the wait before it, not negative
   * @param failure what the previous attempt threw
   */
  public Retry {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(failure, "failure");
    if (attempt < 2) {
      throw new IllegalArgumentException("attempt must be at least 2 (the first retry), got "
          + attempt);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
  }

  /**
   * The simple class name of the failure, for a metric tag.
   *
   * @return e.g. {@code "RateLimitedException"}
   */
  public String exceptionType() {
    return Events.exceptionType(failure);
  }
}
