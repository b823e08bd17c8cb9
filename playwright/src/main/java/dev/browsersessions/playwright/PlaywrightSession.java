package dev.browsersessions.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.browsersessions.BrowserSession;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Playwright connected to one {@link BrowserSession}: the {@link Browser}, its default {@link
 * BrowserContext} and a {@link Page} of it. Made by {@link PlaywrightConnector}.
 *
 * <p>{@link #close()} disconnects Playwright from the browser, ends Playwright's driver process,
 * and then (unless {@link PlaywrightOptions#stopSessionOnClose()} is off) stops the session. Like
 * Playwright itself, the objects are not thread-safe: use them from one thread.
 */
public final class PlaywrightSession implements AutoCloseable {

  private final BrowserSession session;
  private final Playwright playwright;
  private final Browser browser;
  private final BrowserContext context;
  private final Page page;
  private final boolean stopSessionOnClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  PlaywrightSession(BrowserSession session, Playwright playwright, Browser browser,
      BrowserContext context, Page page, boolean stopSessionOnClose) {
    this.session = session;
    this.playwright = playwright;
    this.browser = browser;
    this.context = context;
    this.page = page;
    this.stopSessionOnClose = stopSessionOnClose;
  }

  /**
   * The session Playwright is connected to.
   *
   * @return the session
   */
  public BrowserSession session() {
    return session;
  }

  /**
   * The Playwright instance that owns the connection.
   *
   * @return the Playwright instance
   */
  public Playwright playwright() {
    return playwright;
  }

  /**
   * The connected browser.
   *
   * @return the browser
   */
  public Browser browser() {
    return browser;
  }

  /**
   * The browser's default context: the one whose cookies and storage the session already has.
   *
   * @return the default context
   */
  public BrowserContext context() {
    return context;
  }

  /**
   * The default context's first page, or a new page if it had none when connecting.
   *
   * @return the page
   */
  public Page page() {
    return page;
  }

  /**
   * Disconnects Playwright, ends its driver process, then stops the session if so configured.
   * Idempotent. Every step runs even if an earlier one fails; the first failure is thrown with the
   * others suppressed.
   */
  @Override
  @SuppressWarnings("try") // the resources are only closed, in reverse order of declaration
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // try-with-resources closes the browser, then Playwright, then (when set) the session: each
    // even if one before it failed, the first failure thrown with the others suppressed
    try (BrowserSession s = stopSessionOnClose ? session : null;
        Playwright p = playwright;
        Browser b = browser) {
      // nothing to do but close
    }
  }

  @Override
  public String toString() {
    return "PlaywrightSession[" + session + (closed.get() ? ", closed" : "") + "]";
  }
}
