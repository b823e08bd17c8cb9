package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A Java {@link Error} (here a class missing from the jar, as when a dependency is left out) is
 * one line and exit code 4, not a stack trace; {@code --verbose} adds the trace.
 */
class InternalErrorTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Function<String, String> missingClass =
        name -> {
          throw new NoClassDefFoundError("com/fasterxml/jackson/databind/Module");
        };
    CliEnvironment env =
        new CliEnvironment(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            null,
            ShutdownHooks.jvm(),
            missingClass,
            name -> null);
    return CliRunner.run(args, env);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anErrorIsOneLineAndTheInternalExitCode() {
    int code = run("list", "--provider", "fake");

    assertThat(code).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err().lines().toList()).singleElement().asString()
        .startsWith("browser-sessions: internal error: ")
        .contains("NoClassDefFoundError")
        .contains("com/fasterxml/jackson/databind/Module")
        .contains("--verbose");
  }

  @Test
  void verboseShowsTheTrace() {
    int code = run("list", "--provider", "fake", "--verbose");

    assertThat(code).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err()).contains("NoClassDefFoundError").contains("\tat ");
  }

  @Test
  void underJsonItIsAJsonObject() {
    int code = run("list", "--provider", "fake", "--json");

    assertThat(code).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err().strip())
        .startsWith("{\"exitCode\":4,\"type\":\"NoClassDefFoundError\",\"message\":")
        .endsWith("}");
  }
}
