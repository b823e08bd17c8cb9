package dev.browsersessions;

/** The provider does not know a session with the given id. Stopping it again will not help. */
public class SessionNotFoundException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** The id exactly as given. */
  private final String sessionId;

  /**
   * Creates the exception with a standard message.
   *
   * @param sessionId the id that was not found
   * @param provider the provider's name
   */
  public SessionNotFoundException(String sessionId, String provider) {
    this(sessionId, provider, 0);
  }

  /**
   * Creates the exception.
   *
   * @param sessionId the id that was not found
   * @param provider the provider's name
   * @param httpStatus the vendor's status (usually 404), or {@code 0}
   */
  public SessionNotFoundException(String sessionId, String provider, int httpStatus) {
    this(sessionId, provider, httpStatus, null);
  }

  /**
   * Creates the exception with its underlying failure.
   *
   * @param sessionId the id that was not found
   * @param provider the provider's name
   * @param httpStatus the vendor's status (usually 404), or {@code 0}
   * @param cause the vendor's answer as an exception, or {@code null}
   */
  public SessionNotFoundException(
      String sessionId, String provider, int httpStatus, Throwable cause) {
    super(
        "Provider '" + provider + "' has no session with id '" + sessionId + "'",
        provider,
        httpStatus,
        false,
        cause);
    this.sessionId = sessionId;
  }

  /**
   * The id that was not found.
   *
   * @return the session id
   */
  public String sessionId() {
    return sessionId;
  }
}
