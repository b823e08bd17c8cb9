package dev.browsersessions.cli.internal;

import dev.browsersessions.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.PicocliException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parses a command line, runs the command and turns every failure into one line and a code: the
 * command's own exceptions, picocli's (an unknown option, an {@code @file} that cannot be read)
 * and {@link Error}s (a class missing from the jar). No stack trace unless {@code --verbose}.
 */
public final class CliRunner {

  private CliRunner() {}

  /**
   * Runs one command.
   *
   * @param args the command line
   * @param env the streams and process environment
   * @return the exit code, one of {@link ExitCodes}
   */
  public static int run(String[] args, CliEnvironment env) {
    String[] argv = args == null ? new String[0] : args;
    ErrorReporter.Style scanned = ErrorReporter.Style.scan(argv);
    PrintWriter out = new PrintWriter(env.out(), true);
    PrintWriter err = new PrintWriter(env.err(), true);
    ParseResult parsed = null;
    try {
      CommandLine cli = new CommandLine(new RootCommand(env));
      cli.setOut(out);
      cli.setErr(err);
      cli.setCaseInsensitiveEnumValuesAllowed(true);
      // Parsed and run here rather than with execute(), which prints a stack trace for picocli's
      // own failures (such as an @file argument that is a directory) and lets Errors through.
      parsed = cli.parseArgs(argv);
      return cli.getExecutionStrategy().execute(parsed);
    } catch (ParameterException e) {
      return usageError(e, styleOf(e.getCommandLine(), scanned), env);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return ErrorReporter.report(cause, styleOf(e.getCommandLine(), scanned), env.err());
    } catch (PicocliException e) {
      // picocli's own failure before any command ran, e.g. an unreadable @file: bad usage.
      String message = ErrorReporter.oneLine(e.getMessage())
          + (e.getCause() == null ? "" : ": " + ErrorReporter.oneLine(e.getCause().getMessage()));
      ErrorReporter.print(
          ErrorReporter.COMMAND, ExitCodes.USAGE, e.getClass().getSimpleName(), message, e,
          scanned, env.err());
      return ExitCodes.USAGE;
    } catch (Throwable e) { // the last line of defence: nothing may reach the user raw
      return ErrorReporter.report(e, styleOf(parsed, scanned), env.err());
    } finally {
      out.flush();
      err.flush();
      env.out().flush();
      env.err().flush();
    }
  }

  private static int usageError(ParameterException e, ErrorReporter.Style style, CliEnvironment env) {
    CommandLine failed = e.getCommandLine();
    String command = failed.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder();
    if (e instanceof UnmatchedArgumentException unmatched
        && failed.getCommandSpec().parent() == null
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      line.append("Unknown command '").append(unmatched.getUnmatched().get(0)).append("'.");
    } else {
      line.append(ErrorReporter.oneLine(e.getMessage()));
    }
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append(" Did you mean ").append(String.join(" or ", suggestions)).append('?');
      }
    }
    line.append(" (see '").append(command).append(" --help')");
    ErrorReporter.print(
        command, ExitCodes.USAGE, e.getClass().getSimpleName(), line.toString(), e, style,
        env.err());
    return ExitCodes.USAGE;
  }

  /** The style of the command that failed, once parsed; else what the raw arguments ask for. */
  private static ErrorReporter.Style styleOf(CommandLine commandLine, ErrorReporter.Style scanned) {
    return commandLine != null && commandLine.getCommand() instanceof ProviderCommand command
        ? command.errorStyle(scanned)
        : scanned;
  }

  private static ErrorReporter.Style styleOf(ParseResult parsed, ErrorReporter.Style scanned) {
    if (parsed == null) {
      return scanned;
    }
    List<CommandLine> commands = parsed.asCommandLineList();
    return styleOf(commands.get(commands.size() - 1), scanned);
  }
}
