package dev.browsersessions;

/** The vendor rejected the credentials (HTTP 401 or 403). Check the API key; retrying won't help. */
public class AuthenticationException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the vendor said, without the key
   * @param provider the provider's name
   * @param httpStatus the vendor's status
   */
  public AuthenticationException(String message, String provider, int httpStatus) {
    super(message, provider, httpStatus, false, null);
  }
}
