package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.ProviderNotFoundException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.cli.ExitCodes;
import java.io.PrintStream;

/** Turns a failure into one line on standard error and an exit code; stack traces only on request. */
final class ErrorReporter {

  static final String PREFIX = "browser-sessions: ";

  private ErrorReporter() {}

  /**
   * The exit code for a failure.
   *
   * @param e the failure
   * @return {@link ExitCodes#NOT_FOUND}, {@link ExitCodes#USAGE} or {@link ExitCodes#FAILURE}
   */
  static int exitCode(Throwable e) {
    if (e instanceof SessionNotFoundException) {
      return ExitCodes.NOT_FOUND;
    }
    if (e instanceof ProviderNotFoundException
        || e instanceof ProviderConfigurationException
        || e instanceof InvalidSessionRequestException
        || e instanceof UnsupportedCapabilityException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.FAILURE;
  }

  /**
   * Prints the failure as one line (plus the stack trace when verbose).
   *
   * @param e the failure
   * @param verbose whether to print the stack trace too
   * @param err where to print
   * @return the exit code
   */
  static int report(Throwable e, boolean verbose, PrintStream err) {
    err.println(PREFIX + describe(e, verbose));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(e);
  }

  /**
   * A one-line description of a failure.
   *
   * @param e the failure
   * @param verbose whether a stack trace follows (else unexpected failures get a hint)
   * @return the description
   */
  static String describe(Throwable e, boolean verbose) {
    if (e instanceof ProviderConfigurationException c && c.getMessage() != null) {
      return oneLine(c.getMessage()) + c.key().map(ErrorReporter::configHint).orElse("");
    }
    if (e instanceof BrowserSessionException && e.getMessage() != null) {
      return oneLine(e.getMessage());
    }
    String hint = verbose ? "" : " (rerun with --verbose for the stack trace)";
    return "unexpected error: " + oneLine(String.valueOf(e)) + hint;
  }

  /**
   * How to set a configuration key on the command line: the API's message names the Java and
   * environment routes, this adds the CLI's own option.
   *
   * @param key the key at fault
   * @return the hint, starting with a separator
   */
  static String configHint(String key) {
    return " (on the command line: --config " + key + "=VALUE)";
  }

  /**
   * Joins a message's lines into one.
   *
   * @param message the message, possibly {@code null}
   * @return the message on one line
   */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
