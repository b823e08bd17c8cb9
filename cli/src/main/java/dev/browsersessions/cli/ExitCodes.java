package dev.browsersessions.cli;

/**
 * The exit codes of the {@code browser-sessions} command line.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>Code</th><th>Meaning</th></tr>
 *   <tr><td>{@value #OK}</td><td>The command did what was asked.</td></tr>
 *   <tr><td>{@value #FAILURE}</td><td>The provider or the vendor failed (unavailable, rate
 *       limited, refused the credentials, could not stop a session), or the user answered "no"
 *       to a confirmation.</td></tr>
 *   <tr><td>{@value #USAGE}</td><td>Bad usage: an unknown or invalid option or value, an
 *       unknown provider, several providers and none chosen, invalid provider configuration
 *       (such as a missing API key), an option the provider does not support, or a confirmation
 *       that could not be asked.</td></tr>
 *   <tr><td>{@value #NOT_FOUND}</td><td>The provider has no session with the given id.</td></tr>
 * </table>
 */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;

  /** The provider or the vendor failed, or a confirmation was answered "no". */
  public static final int FAILURE = 1;

  /** Bad usage: invalid options, unknown provider, invalid configuration, unsupported option. */
  public static final int USAGE = 2;

  /** The provider has no session with the given id. */
  public static final int NOT_FOUND = 3;

  private ExitCodes() {}
}
