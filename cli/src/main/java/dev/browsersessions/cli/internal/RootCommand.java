package dev.browsersessions.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code browser-sessions} command; the work is done by its subcommands. */
@Command(
    name = "browser-sessions",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Start, inspect, list and stop remote browser sessions on any browser-sessions provider.",
      "Every command takes --provider NAME and --config KEY=VALUE; see '<command> --help'."
    },
    subcommands = {
      ProvidersCommand.class,
      StartCommand.class,
      StatusCommand.class,
      StopCommand.class,
      ListCommand.class,
      RunCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:failure (the provider or vendor failed, or a confirmation was answered no)",
      "2:bad usage (invalid option or value, unknown provider, invalid configuration such as a"
          + " missing API key, unsupported option)",
      "3:no session with that id",
      "4:internal error (a broken installation, e.g. a missing class)"
    })
final class RootCommand implements Callable<Integer> {

  private final CliEnvironment env;

  @Spec CommandSpec spec;

  RootCommand(CliEnvironment env) {
    this.env = env;
  }

  /**
   * The streams and process environment the commands use.
   *
   * @return the environment
   */
  CliEnvironment env() {
    return env;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing a command: choose one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
