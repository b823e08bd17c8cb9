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

  /** The provider name, or {@code null}. */
  private final String provider;
  /** The HTTP status, or 0 when there was none. */
  private final int httpStatus;
  /** Whether the same call may succeed if repeated. */
  private final boolean retryable;
  /** Whether the vendor may have acted on the request. */
  private volatile boolean outcomeUnknown;
  /** Notes appended after the failure, or {@code null}. */
  private volatile String detail;

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
   * Starts building a root exception, for a failure no subclass describes.
   *
   * @param message what went wrong and, where possible, how to fix it
   * @return a builder: provider, HTTP status, retryability, cause and the outcome-unknown marker
   *     are optional
   */
  public static Builder builder(String message) {
    return new Builder(message);
  }

  /**
   * The message, followed by every detail appended with {@link #withDetail}.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    String d = detail;
    return d == null ? super.getMessage() : super.getMessage() + " — " + d;
  }

  /**
   * Appends what the provider found out after the failure (e.g. what the reconciliation of a
   * lost create found and did) to the message, keeping the type, provider, HTTP status,
   * retryability, cause and suppressed exceptions: nothing is rebuilt.
   *
   * @param note one sentence or more
   * @return this exception
   */
  public BrowserSessionException withDetail(String note) {
    Objects.requireNonNull(note, "note");
    synchronized (this) {
      detail = detail == null ? note : detail + " — " + note;
    }
    return this;
  }

  /**
   * Marks that the call's outcome is unknown: the request may have reached the vendor, which may
   * have acted on it (e.g. started a session) although no usable answer came back.
   *
   * @return this exception
   */
  public BrowserSessionException markOutcomeUnknown() {
    outcomeUnknown = true;
    return this;
  }

  /**
   * Whether the call's outcome is unknown: the vendor may have acted on the request although it
   * failed (a timeout, a reset or an unreadable answer after the request was sent, a 5xx).
   *
   * @return {@code true} when the vendor may have acted
   */
  public boolean isOutcomeUnknown() {
    return outcomeUnknown;
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

  /** Builds a root {@link BrowserSessionException}; every field but the message is optional. */
  public static final class Builder {
    private final String message;
    private String provider;
    private int httpStatus;
    private boolean retryable;
    private boolean outcomeUnknown;
    private Throwable cause;

    private Builder(String message) {
      this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * Sets the provider.
     *
     * @param provider the provider's name
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Sets the HTTP status the vendor answered.
     *
     * @param httpStatus the status, {@code 0} for none
     * @return this builder
     */
    public Builder httpStatus(int httpStatus) {
      this.httpStatus = httpStatus;
      return this;
    }

    /**
     * Sets whether retrying the same call unchanged may succeed (default {@code false}).
     *
     * @param retryable whether retryable
     * @return this builder
     */
    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /**
     * Marks the outcome unknown: the vendor may have acted (see {@link #isOutcomeUnknown()}).
     *
     * @return this builder
     */
    public Builder outcomeUnknown() {
      this.outcomeUnknown = true;
      return this;
    }

    /**
     * Sets the underlying failure.
     *
     * @param cause the cause
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * Builds the exception.
     *
     * @return the exception
     */
    public BrowserSessionException build() {
      BrowserSessionException e =
          new BrowserSessionException(message, provider, httpStatus, retryable, cause);
      return outcomeUnknown ? e.markOutcomeUnknown() : e;
    }
  }
}
