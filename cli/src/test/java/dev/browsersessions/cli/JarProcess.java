package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built runnable jar ({@code target/browser-sessions.jar}, written by {@code package}) run as
 * a separate process, the way users run it: {@code java -jar browser-sessions.jar ...}. The child
 * sees none of this machine's {@code BROWSERSESSIONS_*} or vendor variables, only those given.
 */
final class JarProcess {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> HIDDEN_VARIABLES =
      List.of("NOTTE_API_KEY", "NOTTE_API_URL", "BROWSERBASE_API_KEY", "BROWSERBASE_BASE_URL",
          "MODEL_API_KEY", "STAGEHAND_API_URL", "STAGEHAND_BASE_URL", "CHROME_PATH");

  private final Path jar;
  private final Path workDir;
  private final Map<String, String> environment = new LinkedHashMap<>();

  /**
   * The jar, with a directory for the captured output.
   *
   * @param workDir where each run's output is captured
   */
  JarProcess(Path workDir) {
    this.jar = Path.of(System.getProperty("cli.jar", "target/browser-sessions.jar"));
    assertThat(jar).as("run 'package' first").isRegularFile();
    this.workDir = workDir;
  }

  /**
   * Sets an environment variable for every later run.
   *
   * @param name the variable
   * @param value its value
   * @return this
   */
  JarProcess env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * The command that runs the jar.
   *
   * @param args the command line
   * @return {@code java -jar <jar> args...}
   */
  List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Only start-up speed for these short runs on a small machine; the class path is the jar's.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs the jar with no standard input and waits (at most 60 s) for it to end.
   *
   * @param args the command line
   * @return what it printed and its exit code
   */
  Run run(String... args) {
    try {
      Path out = Files.createTempFile(workDir, "out", ".txt");
      Path err = Files.createTempFile(workDir, "err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("BROWSERSESSIONS_"));
      pb.environment().keySet().removeAll(HIDDEN_VARIABLES);
      pb.environment().putAll(environment);
      Process p = pb.start();
      p.getOutputStream().close(); // no input: prompts see end of input
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("browser-sessions " + String.join(" ", args) + " did not end");
      }
      return new Run(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * One run of the jar.
   *
   * @param exit the exit code
   * @param out standard output
   * @param err standard error
   */
  record Run(int exit, String out, String err) {

    /**
     * Standard output as one JSON document.
     *
     * @return the document
     */
    JsonNode json() {
      return parse(out);
    }

    /**
     * Standard error's non-blank lines.
     *
     * @return the lines
     */
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Asserts exit code 0, showing standard error if not.
     *
     * @return this
     */
    Run ok() {
      assertThat(exit).as("exit code; stderr: %s", err).isZero();
      assertThat(err).as("stderr").doesNotContain("\tat ").doesNotContain("Exception in thread");
      return this;
    }
  }

  /**
   * Parses one JSON document.
   *
   * @param text the text
   * @return the document
   */
  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
