package dev.browsersessions.selenium;

import dev.browsersessions.BrowserSession;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.DevTools;

/**
 * Selenium connected to one {@link BrowserSession}: a {@link WebDriver} and, on demand, a CDP
 * {@link DevTools} connection. Made by {@link SeleniumConnector}.
 *
 * <p>{@link #close()} closes the DevTools connection, ends the chromedriver this connector
 * started (the browser it attached to keeps running), and then, unless {@link
 * SeleniumOptions#stopSessionOnClose()} is off, stops the session. A driver bound to a provider's
 * own WebDriver endpoint is not quit, only its HTTP client is closed: ending that WebDriver
 * session is the provider's job, done when the session stops.
 */
public final class SeleniumSession implements AutoCloseable {

  private final BrowserSession session;
  private final WebDriver driver;
  private final Runnable releaseDriver;
  private final SeleniumOptions options;
  private final AtomicBoolean closed = new AtomicBoolean();
  private DevTools devTools; // guarded by this

  SeleniumSession(
      BrowserSession session, WebDriver driver, Runnable releaseDriver, SeleniumOptions options) {
    this.session = session;
    this.driver = driver;
    this.releaseDriver = releaseDriver;
    this.options = options;
  }

  /**
   * The session Selenium is connected to.
   *
   * @return the session
   */
  public BrowserSession session() {
    return session;
  }

  /**
   * The WebDriver for the session.
   *
   * @return the driver
   */
  public WebDriver webDriver() {
    return driver;
  }

  /**
   * Selenium's CDP connection to the session, opened on first use and closed with this object; see
   * {@link SeleniumConnector#devTools(BrowserSession, SeleniumOptions)}.
   *
   * @return the connection
   * @throws IllegalStateException if this connection is closed
   */
  public synchronized DevTools devTools() {
    if (closed.get()) {
      throw new IllegalStateException("SeleniumSession for " + session.id() + " is closed");
    }
    if (devTools == null) {
      devTools = SeleniumConnector.devTools(session, options);
    }
    return devTools;
  }

  /**
   * Closes DevTools, ends the chromedriver this connector started, then stops the session if so
   * configured. Idempotent. Every step runs even if an earlier one fails; the first failure is
   * thrown with the others suppressed.
   */
  @Override
  @SuppressWarnings("try") // the resources are only closed, in reverse order of declaration
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    DevTools openDevTools;
    synchronized (this) {
      openDevTools = devTools;
    }
    // try-with-resources closes DevTools, then the driver, then (when set) the session: each even
    // if one before it failed, the first failure thrown with the others suppressed
    try (BrowserSession s = options.stopSessionOnClose() ? session : null;
        Step driverGone = releaseDriver::run;
        DevTools d = openDevTools) {
      // nothing to do but close
    }
  }

  /** A close step that throws no checked exception. */
  private interface Step extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public String toString() {
    return "SeleniumSession[" + session + (closed.get() ? ", closed" : "") + "]";
  }
}
