package dev.browsersessions.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a command may touch outside itself: the streams, shutdown hooks, system properties and
 * environment variables. Tests replace each of them.
 *
 * @param out where results go
 * @param err where errors, prompts and diagnostics go
 * @param in where answers to prompts come from, or {@code null} when there is no input
 * @param hooks where shutdown hooks are registered
 * @param systemProperties reads a system property
 * @param environment reads an environment variable
 */
public record CliEnvironment(
    PrintStream out,
    PrintStream err,
    InputStream in,
    ShutdownHooks hooks,
    Function<String, String> systemProperties,
    Function<String, String> environment) {

  /** Checks that everything but {@code in} is present. */
  public CliEnvironment {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(systemProperties, "systemProperties");
    Objects.requireNonNull(environment, "environment");
  }

  /**
   * The environment of a real process: the given streams, JVM shutdown hooks, the live system
   * properties and environment variables.
   *
   * @param out where results go
   * @param err where errors go
   * @param in where answers come from, or {@code null}
   * @return the environment
   */
  public static CliEnvironment of(PrintStream out, PrintStream err, InputStream in) {
    return new CliEnvironment(
        out, err, in, ShutdownHooks.jvm(), System::getProperty, System::getenv);
  }

  /**
   * This environment with other shutdown hooks.
   *
   * @param hooks the hooks to use
   * @return a new environment
   */
  public CliEnvironment withHooks(ShutdownHooks hooks) {
    return new CliEnvironment(out, err, in, hooks, systemProperties, environment);
  }

  /**
   * This environment with other environment variables.
   *
   * @param environment reads an environment variable
   * @return a new environment
   */
  public CliEnvironment withEnvironment(Function<String, String> environment) {
    return new CliEnvironment(out, err, in, hooks, systemProperties, environment);
  }
}
