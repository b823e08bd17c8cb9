/**
 * The browser-sessions command line: start, inspect, list and stop browser sessions on any
 * provider found on the class path. Run it with {@code java -jar browser-sessions.jar}, or call
 * {@link dev.browsersessions.cli.BrowserSessionsCli} in-process.
 */
module dev.browsersessions.cli {
  requires dev.browsersessions;
  requires info.picocli;

  exports dev.browsersessions.cli;

  // picocli reads and writes the annotated command classes reflectively.
  opens dev.browsersessions.cli.internal to
      info.picocli;
}
