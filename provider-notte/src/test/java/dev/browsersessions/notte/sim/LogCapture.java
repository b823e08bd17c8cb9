package dev.browsersessions.notte.sim;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The one log- and console-capture fixture of the tests: while open, java.util.logging (which
 * backs {@code System.Logger}) runs at {@code ALL} into a handler that keeps every record (logger,
 * level, message, parameters and stack trace), and, when asked, {@code System.out} and {@code
 * System.err} are captured too. Closing restores everything. Used by the secrets tests (nothing
 * secret in any of it) and by tests that check what a provider logs.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger root = Logger.getLogger("");
  private final Level oldLevel = root.getLevel();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final PrintStream oldOut = System.out;
  private final PrintStream oldErr = System.err;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final boolean capturesConsole;

  private LogCapture(boolean console) {
    this.capturesConsole = console;
    root.setLevel(Level.ALL);
    root.addHandler(handler);
    if (console) {
      PrintStream both = new PrintStream(this.console, true, StandardCharsets.UTF_8);
      System.setOut(both);
      System.setErr(both);
    }
  }

  /**
   * Captures every log record and the console.
   *
   * @return the capture, to close
   */
  public static LogCapture logsAndConsole() {
    return new LogCapture(true);
  }

  /**
   * Captures every log record.
   *
   * @return the capture, to close
   */
  public static LogCapture logs() {
    return new LogCapture(false);
  }

  /**
   * The records at or above a level.
   *
   * @param level the level
   * @return the records, oldest first
   */
  public List<LogRecord> records(Level level) {
    List<LogRecord> out = new ArrayList<>();
    for (LogRecord r : records) {
      if (r.getLevel().intValue() >= level.intValue()) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Everything captured as text: each record (logger, level, message, parameters, stack trace)
   * and the console.
   *
   * @return the text
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (LogRecord r : records) {
      b.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(' ')
          .append(r.getMessage()).append(' ').append(Arrays.toString(r.getParameters()));
      if (r.getThrown() != null) {
        b.append('\n').append(trace(r.getThrown()));
      }
      b.append('\n');
    }
    return b.append(console.toString(StandardCharsets.UTF_8)).toString();
  }

  /**
   * How many records were captured.
   *
   * @return the count
   */
  public int size() {
    return records.size();
  }

  /**
   * A throwable's stack trace as text.
   *
   * @param t the throwable
   * @return its trace
   */
  public static String trace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Override
  public void close() {
    if (capturesConsole) {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    root.removeHandler(handler);
    root.setLevel(oldLevel);
  }
}
