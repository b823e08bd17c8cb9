package dev.browsersessions.grid;

/**
 * The keys of {@link dev.browsersessions.SessionInfo#attributes()} a {@code selenium-grid}
 * session carries (values are strings).
 */
public final class GridAttributes {

  /**
   * The W3C WebDriver endpoint at which the session exists as a WebDriver session under the same
   * id: the Grid's router, the configured {@code url} (so the session is {@code
   * <value>/session/<id>}). The key and meaning the {@code browser-sessions-selenium} connector
   * reads ({@code SeleniumConnector.WEBDRIVER_URL_ATTRIBUTE}); a Selenium {@code RemoteWebDriver}
   * attaches to it with the session's id.
   */
  public static final String WEBDRIVER_URL = "webDriverUrl";

  /**
   * The Grid's own {@code se:cdp} capability (a node started without {@code --grid-url} puts its
   * machine's address there; {@link dev.browsersessions.SessionInfo#cdpUrl()} is built on the
   * configured router instead).
   */
  public static final String GRID_CDP_URL = "gridCdpUrl";

  /** The browser's W3C name, e.g. {@code chrome}. */
  public static final String BROWSER_NAME = "browserName";

  /** The browser's version as the node reports it. */
  public static final String BROWSER_VERSION = "browserVersion";

  /** The id of the node running the session (from {@code status} and {@code list}). */
  public static final String NODE_ID = "nodeId";

  /** The URI of the node running the session (from {@code status} and {@code list}). */
  public static final String NODE_URI = "nodeUri";

  /** The id of the provider instance that created the session. */
  public static final String OWNER = "owner";

  /** The id of the create call that started the session (a lost create is found by it). */
  public static final String ATTEMPT = "attempt";

  private GridAttributes() {}
}
