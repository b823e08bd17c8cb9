/**
 * The JUnit Jupiter extension for browser-sessions: {@link
 * dev.browsersessions.junit.BrowserSessionsTest} and {@link
 * dev.browsersessions.junit.BrowserSessionsExtension}.
 */
module dev.browsersessions.junit {
  requires transitive dev.browsersessions;
  requires transitive org.junit.jupiter.api;

  exports dev.browsersessions.junit;
}
