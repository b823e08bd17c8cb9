package dev.browsersessions.cli.internal;

import dev.browsersessions.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Parses a command line, runs the command and turns every failure into one line and a code. */
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
    PrintWriter out = new PrintWriter(env.out(), true);
    PrintWriter err = new PrintWriter(env.err(), true);
    CommandLine cli = new CommandLine(new RootCommand(env));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((e, a) -> usageError(e, env));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) ->
            ErrorReporter.report(e, verbose(commandLine), env.err()));
    try {
      return cli.execute(args == null ? new String[0] : args);
    } finally {
      out.flush();
      err.flush();
      env.out().flush();
      env.err().flush();
    }
  }

  private static int usageError(ParameterException e, CliEnvironment env) {
    CommandLine failed = e.getCommandLine();
    String command = failed.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder(command).append(": ");
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
    env.err().println(line);
    return ExitCodes.USAGE;
  }

  private static boolean verbose(CommandLine commandLine) {
    return commandLine.getCommand() instanceof ProviderCommand command && command.verbose();
  }
}
