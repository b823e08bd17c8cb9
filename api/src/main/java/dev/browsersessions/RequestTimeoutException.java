package dev.browsersessions;

/**
 * The vendor answered HTTP 408: it gave up waiting for the request. Retryable; the outcome is
 * unknown (the vendor may have acted on the request before timing out), so a create that ends
 * in it is reconciled rather than retried.
 */
public class RequestTimeoutException extends ProviderUnavailableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the vendor said and what to do
   * @param provider the provider's name
   */
  public RequestTimeoutException(String message, String provider) {
    super(message, provider, 408, null);
    markOutcomeUnknown();
  }
}
