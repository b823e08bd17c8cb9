package dev.browsersessions;

/**
 * A stop was sent, but the vendor did not report the session as ended within the configured
 * deadline. The session may still be running (and billing): check it again, or stop it again.
 * Retryable.
 */
public class StopNotConfirmedException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** The session whose stop was not confirmed. */
  private final String sessionId;
  /** The last status read before giving up. */
  private final SessionStatus lastStatus;

  /**
   * Creates the exception.
   *
   * @param sessionId the session that was asked to stop
   * @param provider the provider's name
   * @param lastStatus the last status the vendor reported
   * @param deadline a description of the deadline that passed, e.g. {@code "PT30S"}
   */
  public StopNotConfirmedException(
      String sessionId, String provider, SessionStatus lastStatus, String deadline) {
    super(
        "Provider '" + provider + "' did not confirm that session '" + sessionId
            + "' stopped within " + deadline + "; last status " + lastStatus
            + ". It may still be running: stop it again or check its status.",
        provider,
        0,
        true,
        null);
    this.sessionId = sessionId;
    this.lastStatus = lastStatus;
  }

  /**
   * The session that was asked to stop.
   *
   * @return its id
   */
  public String sessionId() {
    return sessionId;
  }

  /**
   * The last status the vendor reported before the deadline passed.
   *
   * @return the status
   */
  public SessionStatus lastStatus() {
    return lastStatus;
  }
}
