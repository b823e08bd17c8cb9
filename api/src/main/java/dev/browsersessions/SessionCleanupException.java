package dev.browsersessions;

import java.util.List;

/**
 * Closing a {@link BrowserSessions} client could not stop every session it had started. Each
 * failure is attached as a {@linkplain #getSuppressed() suppressed} exception, and
 * {@link #sessionIds()} names the sessions that may still be running.
 */
public class SessionCleanupException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** The sessions that may still run. */
  private final List<String> sessionIds;

  /**
   * Creates the exception.
   *
   * @param provider the provider's name
   * @param sessionIds the sessions that could not be stopped
   */
  public SessionCleanupException(String provider, List<String> sessionIds) {
    super(
        "Could not stop " + sessionIds.size() + " session(s) on provider '" + provider + "': "
            + sessionIds + ". They may still be running; stop them by id.",
        provider);
    this.sessionIds = List.copyOf(sessionIds);
  }

  /**
   * The sessions that could not be stopped.
   *
   * @return their ids
   */
  public List<String> sessionIds() {
    return sessionIds;
  }
}
