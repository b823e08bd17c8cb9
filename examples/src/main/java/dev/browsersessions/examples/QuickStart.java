package dev.browsersessions.examples;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The quick start: select the provider on the class path, start a session, print its status and
 * CDP URL, stop it and print the final status. Written against the API only.
 */
public final class QuickStart {

  private QuickStart() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example, printing to {@code out}.
   *
   * @param out where to print
   * @return the final state of the session
   */
  public static SessionInfo run(PrintStream out) {
    try (BrowserSessions sessions = BrowserSessions.create();
        BrowserSession session =
            sessions.start(SessionRequest.builder().idleTimeout(Duration.ofMinutes(5)).build())) {
      out.println("provider: " + sessions.provider());
      out.println("session:  " + session.id());
      out.println("status:   " + session.refresh().status());
      out.println("cdp url:  " + session.cdpUrl().map(Object::toString).orElse("(none)"));
      SessionInfo last = session.stop();
      out.println("final:    " + last.status());
      return last;
    }
  }
}
