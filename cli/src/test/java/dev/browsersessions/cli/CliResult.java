package dev.browsersessions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one in-process run of the command line produced.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliResult(int exitCode, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Runs the command line with no standard input.
   *
   * @param args the arguments
   * @return the result
   */
  public static CliResult run(String... args) {
    return runWithInput(null, args);
  }

  /**
   * Runs the command line with the given text as standard input.
   *
   * @param input the input, or {@code null} for none
   * @param args the arguments
   * @return the result
   */
  public static CliResult runWithInput(String input, String... args) {
    InputStream in =
        input == null ? null : new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BrowserSessionsCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            in);
    return new CliResult(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Standard output parsed as one JSON document.
   *
   * @return the document
   */
  public JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Standard error's lines.
   *
   * @return the non-empty lines
   */
  public List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }
}
