package dev.browsersessions.cli.internal;

import dev.browsersessions.spi.ServerText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Locale;

/** Asks a yes/no question on standard error and reads the answer from standard input. */
final class Confirmation {

  /** What the user answered. */
  enum Answer {
    /** "y" or "yes", any case. */
    YES,
    /** Anything else. */
    NO,
    /** Nothing could be read: no input, or it ended. */
    NO_ANSWER
  }

  private Confirmation() {}

  /**
   * Asks a question; the default answer is no.
   *
   * @param question the question, without the {@code [y/N]} suffix
   * @param env where to ask and read
   * @return the answer
   */
  static Answer ask(String question, CliEnvironment env) {
    env.err().print(ServerText.clean(question) + " [y/N] "); // it names ids a server sent
    env.err().flush();
    if (env.in() == null) {
      env.err().println();
      return Answer.NO_ANSWER;
    }
    String line;
    try {
      // Not closed: closing would close the process's standard input.
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(env.in(), Charset.defaultCharset()));
      line = reader.readLine();
    } catch (IOException e) {
      line = null;
    }
    if (line == null) {
      env.err().println();
      return Answer.NO_ANSWER;
    }
    String a = line.strip().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes") ? Answer.YES : Answer.NO;
  }
}
