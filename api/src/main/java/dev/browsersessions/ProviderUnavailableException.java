package dev.browsersessions;

/**
 * The vendor could not be reached or failed on its side (connection errors, timeouts, HTTP 5xx,
 * 529). Retryable.
 */
public class ProviderUnavailableException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param provider the provider's name
   * @param httpStatus the vendor's status, or {@code 0} for connection-level failures
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderUnavailableException(
      String message, String provider, int httpStatus, Throwable cause) {
    super(message, provider, httpStatus, true, cause);
  }

  /**
   * The vendor answered that it cannot serve the call now (without a cause behind it).
   *
   * @param message what the vendor said and what to do
   * @param provider the provider's name
   * @param httpStatus the vendor's status, or {@code 0}
   * @return the exception
   */
  public static ProviderUnavailableException answered(
      String message, String provider, int httpStatus) {
    return new ProviderUnavailableException(message, provider, httpStatus, null);
  }
}
