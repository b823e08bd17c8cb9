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
 *   <tr><td>{@value #INTERNAL}</td><td>The tool itself failed: a Java {@link Error} such as a
 *       class missing from an incomplete or broken installation, or the runtime running out of
 *       memory. The line names the error; {@code --verbose} shows the stack trace.</td></tr>
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

  /** The tool itself failed (a Java {@link Error}, e.g. a missing class): a broken installation. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
