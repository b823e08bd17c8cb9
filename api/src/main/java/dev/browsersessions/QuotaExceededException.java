package dev.browsersessions;

/** The account's quota or credit is exhausted (HTTP 402). Retrying won't help until it is raised. */
public class QuotaExceededException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the vendor said
   * @param provider the provider's name
   * @param httpStatus the vendor's status
   */
  public QuotaExceededException(String message, String provider, int httpStatus) {
    super(message, provider, httpStatus, false, null);
  }
}
