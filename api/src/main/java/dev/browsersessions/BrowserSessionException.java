package dev.browsersessions;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one root of every exception this library throws: catch it to handle any failure.
 *
 * <p>Each exception says which provider raised it (when known), the HTTP status the vendor
 * answered (when there was one) and whether the same call may succeed if simply retried
 * ({@link #isRetryable()}). Messages never contain API keys or other secrets.
 */
public class BrowserSessionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String provider;
  private final int httpStatus;
  private final boolean retryable;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and, where possible, how to fix it
   * @param provider the provider's name, or {@code null} when no provider is involved
   * @param httpStatus the HTTP status the vendor answered, or {@code 0} when there was none
   * @param retryable whether retrying the same call unchanged may succeed
   * @param cause the underlying failure, or {@code null}
   */
  public BrowserSessionException(
      String message, String provider, int httpStatus, boolean retryable, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.provider = provider;
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /**
   * Creates a non-retryable exception without HTTP status.
   *
   * @param message what went wrong
   * @param provider the provider's name, or {@code null}
   */
  public BrowserSessionException(String message, String provider) {
    this(message, provider, 0, false, null);
  }

  /**
   * The provider that raised this exception.
   *
   * @return the provider's name, if a provider was involved
   */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * The HTTP status the vendor answered.
   *
   * @return the status, if the failure came from an HTTP answer
   */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }

  /**
   * Whether the same call, unchanged, may succeed when retried later.
   *
   * @return {@code true} for transient failures (rate limits, unavailable vendor, connection errors)
   */
  public boolean isRetryable() {
    return retryable;
  }
}
