package dev.browsersessions.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A subcommand that talks to a provider: it has the common options and the environment. */
abstract class ProviderCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  /**
   * How this command's errors are shown.
   *
   * @return from {@code --json} and {@code --verbose}
   */
  ErrorReporter.Style errorStyle() {
    return new ErrorReporter.Style(common.json, common.verbose);
  }

  /**
   * How this command's errors are shown when parsing may have stopped before its options.
   *
   * @param scanned what the raw arguments ask for
   * @return the parsed flags, or those of the raw arguments
   */
  ErrorReporter.Style errorStyle(ErrorReporter.Style scanned) {
    return new ErrorReporter.Style(
        common.json || scanned.json(), common.verbose || scanned.verbose());
  }

  /**
   * The streams and process environment.
   *
   * @return the environment
   */
  CliEnvironment env() {
    return root.env();
  }

  /**
   * Where results go.
   *
   * @return standard output
   */
  PrintStream out() {
    return env().out();
  }

  /**
   * A usage error to throw: reported as one line with exit code 2.
   *
   * @param message what is wrong and how to fix it
   * @return the exception
   */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * The provider selection for this command's options.
   *
   * @return the chooser
   */
  ProviderChooser chooser() {
    return new ProviderChooser(common, env());
  }
}
