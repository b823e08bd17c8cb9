package dev.browsersessions.cli;

import dev.browsersessions.cli.internal.CliEnvironment;
import dev.browsersessions.cli.internal.CliRunner;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The {@code browser-sessions} command line.
 *
 * <pre>{@code
 * java -jar browser-sessions.jar start --provider local
 * java -jar browser-sessions.jar stop --provider local <id>
 * }</pre>
 *
 * <p>{@link #run(String[], PrintStream, PrintStream, InputStream)} runs one command in-process
 * and returns its exit code (see {@link ExitCodes}) without exiting the JVM; {@link
 * #main(String[])} does the same with the standard streams and exits with that code.
 */
public final class BrowserSessionsCli {

  private BrowserSessionsCli() {}

  /**
   * Runs one command in-process.
   *
   * @param args the command line, e.g. {@code {"status", "--provider", "fake", "abc"}}
   * @param out where results go
   * @param err where errors, prompts and diagnostics go
   * @param in where confirmations are read from; {@code null} for no input
   * @return the exit code, one of {@link ExitCodes}
   */
  public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
    return CliRunner.run(args, CliEnvironment.of(out, err, in));
  }

  /**
   * Runs one command with the standard streams and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code;
    try {
      code = run(args, System.out, System.err, System.in);
    } catch (Throwable e) { // e.g. picocli itself missing from the class path
      System.err.println("browser-sessions: internal error: " + e
          + "; the installation may be incomplete or broken");
      code = ExitCodes.INTERNAL;
    }
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }
}
