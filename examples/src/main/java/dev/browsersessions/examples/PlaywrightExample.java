package dev.browsersessions.examples;

import com.microsoft.playwright.Page;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.playwright.PlaywrightConnector;
import dev.browsersessions.playwright.PlaywrightSession;

/**
 * Playwright for Java on a real headless Chromium started by the {@code local} provider: connect,
 * open a page, read its title. Closing the connection stops the browser session too.
 */
public final class PlaywrightExample {

  /** The page opened when no URL is given: inline, so the example needs no network. */
  public static final String DEFAULT_URL =
      "data:text/html,<title>Hello from browser-sessions</title><h1>Hello</h1>";

  private PlaywrightExample() {}

  /**
   * Runs the example and prints the page's title.
   *
   * @param args optionally the URL to open; {@link #DEFAULT_URL} otherwise
   */
  public static void main(String[] args) {
    System.out.println("title: " + run(args.length > 0 ? args[0] : DEFAULT_URL));
  }

  /**
   * Starts a local session, opens {@code url} in it through Playwright and returns the title.
   *
   * @param url the page to open
   * @return the page's title
   */
  public static String run(String url) {
    try (BrowserSessions sessions = BrowserSessions.create("local");
        PlaywrightSession pw = PlaywrightConnector.connect(sessions.start(SessionRequest.defaults()))) {
      Page page = pw.page();
      page.navigate(url);
      return page.title();
    }
  }
}
