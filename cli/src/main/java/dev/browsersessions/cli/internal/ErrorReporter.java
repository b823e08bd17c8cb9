package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.ProviderNotFoundException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.cli.ExitCodes;
import dev.browsersessions.spi.ServerText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a failure into one line on standard error and an exit code. The line is text, or with
 * {@code --json} one JSON object ({@code {"exitCode":3,"type":"SessionNotFoundException",
 * "message":"..."}}); stack traces only with {@code --verbose}. Every error the command line
 * reports goes through here, cleaned of terminal escape sequences.
 */
final class ErrorReporter {

  /** The start of an error line not tied to one subcommand. */
  static final String COMMAND = "browser-sessions";

  private ErrorReporter() {}

  /**
   * How errors are shown.
   *
   * @param json one JSON object per error instead of a text line
   * @param verbose add the stack trace
   */
  record Style(boolean json, boolean verbose) {

    /**
     * The style the raw arguments ask for, for failures before or outside a parsed command: the
     * {@code --json} and {@code -v}/{@code --verbose} tokens before any {@code --}.
     *
     * @param args the command line
     * @return the style
     */
    static Style scan(String[] args) {
      boolean json = false;
      boolean verbose = false;
      for (String a : args == null ? new String[0] : args) {
        if ("--".equals(a)) {
          break;
        }
        json |= "--json".equals(a);
        verbose |= "-v".equals(a) || "--verbose".equals(a);
      }
      return new Style(json, verbose);
    }
  }

  /**
   * The exit code for a failure.
   *
   * @param e the failure
   * @return {@link ExitCodes#NOT_FOUND}, {@link ExitCodes#USAGE}, {@link ExitCodes#FAILURE} or,
   *     for an {@link Error}, {@link ExitCodes#INTERNAL}
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
    if (e instanceof Error) {
      return ExitCodes.INTERNAL;
    }
    return ExitCodes.FAILURE;
  }

  /**
   * Reports a failure (plus the stack trace when verbose).
   *
   * @param e the failure
   * @param style text or JSON, with or without the stack trace
   * @param err where to print
   * @return the exit code
   */
  static int report(Throwable e, Style style, PrintStream err) {
    int code = exitCode(e);
    print(COMMAND, code, e.getClass().getSimpleName(), describe(e, style.verbose()), e, style, err);
    return code;
  }

  /**
   * Reports an error that is not an exception, such as a declined confirmation.
   *
   * @param code the exit code
   * @param type the kind of error, e.g. {@code Declined}
   * @param message what is wrong
   * @param style text or JSON
   * @param err where to print
   * @return the exit code
   */
  static int report(int code, String type, String message, Style style, PrintStream err) {
    print(COMMAND, code, type, message, null, style, err);
    return code;
  }

  /**
   * Prints one error: {@code command: message} (cleaned for the terminal), or its JSON object;
   * then the stack trace when verbose.
   *
   * @param command the command that failed, e.g. {@code browser-sessions start}
   * @param code the exit code
   * @param type the exception's simple name or another kind
   * @param message the one-line message
   * @param trace the failure whose stack trace {@code --verbose} shows, or {@code null}
   * @param style text or JSON
   * @param err where to print
   */
  static void print(
      String command,
      int code,
      String type,
      String message,
      Throwable trace,
      Style style,
      PrintStream err) {
    String clean = ServerText.clean(oneLine(message));
    String stack = style.verbose() && trace != null ? stackTrace(trace) : null;
    if (style.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("exitCode", code);
      doc.put("type", type);
      doc.put("message", clean);
      if (stack != null) {
        doc.put("stackTrace", stack);
      }
      err.println(Json.write(doc));
    } else {
      err.println(command + ": " + clean);
      if (stack != null) {
        stack.lines().map(ErrorReporter::cleanTraceLine).forEach(err::println);
      }
    }
    err.flush();
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
    if (e instanceof Error) {
      return "internal error: " + oneLine(String.valueOf(e))
          + "; the installation may be incomplete or broken" + hint;
    }
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

  /** A stack trace line cleaned for the terminal, keeping its tabs. */
  private static String cleanTraceLine(String line) {
    return Arrays.stream(line.split("\t", -1))
        .map(ServerText::clean)
        .collect(Collectors.joining("\t"));
  }

  private static String stackTrace(Throwable e) {
    StringWriter s = new StringWriter();
    e.printStackTrace(new PrintWriter(s));
    return s.toString();
  }
}
