package dev.browsersessions.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.UnsupportedCapabilityException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Connects Playwright for Java to a session over its CDP URL, for every provider that declares
 * {@link Capability#CDP_URL}.
 *
 * <pre>{@code
 * try (BrowserSessions sessions = BrowserSessions.create("local");
 *      PlaywrightSession pw = PlaywrightConnector.connect(sessions.start(SessionRequest.defaults()))) {
 *   pw.page().navigate("https://example.com");
 *   System.out.println(pw.page().title());
 * }   // Playwright disconnected, its driver process ended, then the session stopped
 * }</pre>
 *
 * <p>No Playwright-managed browser is needed or downloaded: the connector starts Playwright with
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}, since the session brings its own browser.
 */
public final class PlaywrightConnector {

  private PlaywrightConnector() {}

  /**
   * Connects with {@link PlaywrightOptions#defaults()}.
   *
   * @param session a live session with a CDP URL
   * @return the connection; close it to close Playwright and stop the session
   * @throws UnsupportedCapabilityException if the session has no CDP URL
   * @throws BrowserSessionException if Playwright cannot start or cannot connect in time
   */
  public static PlaywrightSession connect(BrowserSession session) {
    return connect(session, PlaywrightOptions.defaults());
  }

  /**
   * Connects Playwright to the session: its default browser context, and that context's first
   * page (a new page if it has none).
   *
   * @param session a live session with a CDP URL
   * @param options how to connect
   * @return the connection; close it to close the Playwright side (and, by default, stop the
   *     session)
   * @throws UnsupportedCapabilityException if the session has no CDP URL
   * @throws BrowserSessionException if Playwright cannot start, or cannot connect within {@link
   *     PlaywrightOptions#connectTimeout()}
   */
  public static PlaywrightSession connect(BrowserSession session, PlaywrightOptions options) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(options, "options");
    String provider = session.info().provider();
    URI cdp = session.cdpUrl().orElseThrow(() -> new UnsupportedCapabilityException(
        Capability.CDP_URL, provider,
        "Session " + session.id() + " of provider '" + provider + "' has no CDP URL, so"
            + " Playwright cannot connect to it; use a provider whose capabilities() include"
            + " CDP_URL"));
    Playwright playwright = startPlaywright(provider);
    try {
      Browser browser = playwright.chromium().connectOverCDP(cdp.toString(),
          new BrowserType.ConnectOverCDPOptions()
              .setTimeout(options.connectTimeout().toMillis()));
      BrowserContext context =
          browser.contexts().isEmpty() ? browser.newContext() : browser.contexts().get(0);
      Page page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
      return new PlaywrightSession(session, playwright, browser, context, page,
          options.stopSessionOnClose());
    } catch (PlaywrightException e) {
      closeQuietly(playwright, e);
      // The CDP URL is not repeated here: some vendors put a token in it.
      throw new BrowserSessionException(
          "Playwright could not connect over CDP to session " + session.id() + " of provider '"
              + provider + "' within " + options.connectTimeout() + "; check that the session is"
              + " still ACTIVE (session.refresh()) or raise PlaywrightOptions.connectTimeout",
          provider, 0, false, e);
    }
  }

  private static Playwright startPlaywright(String provider) {
    try {
      return Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    } catch (PlaywrightException e) {
      throw new BrowserSessionException(
          "Playwright could not start its driver (it unpacks Node.js from the driver-bundle jar"
              + " into the temporary directory); check that com.microsoft.playwright:driver-bundle"
              + " is on the class path and java.io.tmpdir is writable", provider, 0, false, e);
    }
  }

  private static void closeQuietly(Playwright playwright, Exception failure) {
    try {
      playwright.close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
