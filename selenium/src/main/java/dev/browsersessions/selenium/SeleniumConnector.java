package dev.browsersessions.selenium;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.selenium.internal.AttachingExecutor;
import dev.browsersessions.selenium.internal.Chromedriver;
import dev.browsersessions.selenium.internal.DebuggerAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openqa.selenium.ImmutableCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.noop.NoOpDomains;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * Selenium for a session: a {@link WebDriver}, and Selenium's CDP {@link DevTools} connection.
 *
 * <p>The WebDriver comes from, in this order:
 *
 * <ol>
 *   <li>the session's WebDriver endpoint, when its {@link
 *       dev.browsersessions.SessionInfo#attributes() attributes} carry {@value
 *       #WEBDRIVER_URL_ATTRIBUTE} (a Selenium Grid provider sets it): the driver is bound to the
 *       existing WebDriver session whose id is the session's {@link BrowserSession#id() id};
 *   <li>otherwise chromedriver, attached to the browser behind the session's CDP URL through its
 *       {@code debuggerAddress} ({@code host:port} of a {@code ws://} CDP URL, as local sessions
 *       have). chromedriver is found as {@link SeleniumOptions#chromedriver()} says; Selenium
 *       Manager is never run, so nothing is downloaded.
 * </ol>
 *
 * <pre>{@code
 * try (BrowserSessions sessions = BrowserSessions.create("local");
 *      SeleniumSession selenium = SeleniumConnector.connect(sessions.start(SessionRequest.defaults()))) {
 *   WebDriver driver = selenium.webDriver();
 *   driver.get("https://example.com");
 *   System.out.println(driver.getTitle());
 * }   // chromedriver ended, then the session stopped
 * }</pre>
 */
public final class SeleniumConnector {

  /**
   * The {@link dev.browsersessions.SessionInfo#attributes() attribute} naming the W3C WebDriver
   * endpoint (e.g. a Selenium Grid's {@code http://grid:4444}) at which the session exists as a
   * WebDriver session with the same id. Its value is a {@link URI} or a {@link String}, {@code
   * http} or {@code https}.
   */
  public static final String WEBDRIVER_URL_ATTRIBUTE = "webDriverUrl";

  private SeleniumConnector() {}

  /**
   * Connects with {@link SeleniumOptions#defaults()}.
   *
   * @param session a live session
   * @return the connection; close it to end the driver and stop the session
   * @throws BrowserSessionException if no WebDriver can be had for the session
   */
  public static SeleniumSession connect(BrowserSession session) {
    return connect(session, SeleniumOptions.defaults());
  }

  /**
   * Makes a {@link WebDriver} for the session, as the class documentation describes.
   *
   * @param session a live session
   * @param options how to connect
   * @return the connection; close it to end the driver (and, by default, stop the session)
   * @throws ProviderProtocolException if the {@value #WEBDRIVER_URL_ATTRIBUTE} attribute is not
   *     an http(s) URL
   * @throws BrowserSessionException if the session has neither a WebDriver endpoint nor a CDP URL
   *     chromedriver can attach to, if no chromedriver is found, or if chromedriver cannot attach
   *     within the timeout
   */
  public static SeleniumSession connect(BrowserSession session, SeleniumOptions options) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(options, "options");
    Optional<URL> endpoint = webDriverUrl(session);
    if (endpoint.isPresent()) {
      AttachingExecutor executor =
          new AttachingExecutor(endpoint.get(), session.id(), clientConfig(options));
      RemoteWebDriver driver = new RemoteWebDriver(executor, new ImmutableCapabilities());
      // Not quit on close: the WebDriver session is the provider's to end. Only our client goes.
      return new SeleniumSession(session, driver, executor::close, options);
    }
    WebDriver driver = attachChromedriver(session, options);
    // quit() ends the chromedriver started here; the browser it attached to keeps running.
    return new SeleniumSession(session, driver, driver::quit, options);
  }

  /**
   * Opens Selenium's CDP {@link DevTools} connection to the session's CDP URL, with {@link
   * SeleniumOptions#defaults()}.
   *
   * @param session a live session with a CDP URL
   * @return the connection, at browser level; the caller closes it
   * @throws UnsupportedCapabilityException if the session has no CDP URL
   */
  public static DevTools devTools(BrowserSession session) {
    return devTools(session, SeleniumOptions.defaults());
  }

  /**
   * Opens Selenium's CDP {@link DevTools} connection to the session's CDP URL. It is a
   * browser-level connection with no typed domains ({@link NoOpDomains}): send raw {@code
   * org.openqa.selenium.devtools.Command}s, e.g. {@code new Command<>("Browser.getVersion",
   * Map.of())}. For typed, page-level domains use {@code ((HasDevTools) driver).getDevTools()}
   * with the {@code selenium-devtools-vNNN} jar that matches the browser.
   *
   * @param session a live session with a CDP URL
   * @param options the timeout to use
   * @return the connection; the caller closes it
   * @throws UnsupportedCapabilityException if the session has no CDP URL
   * @throws BrowserSessionException if the connection cannot be opened within the timeout
   */
  public static DevTools devTools(BrowserSession session, SeleniumOptions options) {
    Objects.requireNonNull(options, "options");
    URI cdp = requireCdpUrl(session);
    String provider = session.info().provider();
    HttpClient client =
        HttpClient.Factory.createDefault().createClient(clientConfig(options).baseUri(cdp));
    try {
      return new DevTools(devTools -> new NoOpDomains(), new Connection(client, cdp.toString()));
    } catch (WebDriverException e) {
      client.close();
      // The CDP URL is not repeated here: some vendors put a token in it.
      throw new BrowserSessionException(
          "Selenium DevTools could not connect to the CDP URL of session " + session.id()
              + " of provider '" + provider + "' within " + options.timeout() + "; check that"
              + " the session is still ACTIVE (session.refresh())", provider, 0, false, e);
    }
  }

  private static ClientConfig clientConfig(SeleniumOptions options) {
    return ClientConfig.defaultConfig()
        .connectionTimeout(options.timeout())
        .readTimeout(options.timeout())
        .wsTimeout(options.timeout());
  }

  private static URI requireCdpUrl(BrowserSession session) {
    String provider = session.info().provider();
    return session.cdpUrl().orElseThrow(() -> new UnsupportedCapabilityException(
        Capability.CDP_URL, provider,
        "Session " + session.id() + " of provider '" + provider + "' has no CDP URL, so Selenium"
            + " cannot reach its browser over CDP; use a provider whose capabilities() include"
            + " CDP_URL"));
  }

  /** The attribute's value, checked: it comes from the provider, that is, from a server. */
  private static Optional<URL> webDriverUrl(BrowserSession session) {
    Object value = session.info().attributes().get(WEBDRIVER_URL_ATTRIBUTE);
    if (value == null) {
      return Optional.empty();
    }
    String provider = session.info().provider();
    // The value is not echoed: a Grid URL may carry credentials (user:password@host).
    String problem = "Session " + session.id() + " of provider '" + provider + "' has a "
        + WEBDRIVER_URL_ATTRIBUTE + " attribute that is not an http(s) URL with a host";
    try {
      URI uri = value instanceof URI u ? u : new URI(value.toString());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new ProviderProtocolException(problem, provider, 0, null, null);
      }
      return Optional.of(uri.toURL());
    } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
      throw new ProviderProtocolException(problem, provider, 0, null, null);
    }
  }

  private static WebDriver attachChromedriver(BrowserSession session, SeleniumOptions options) {
    String provider = session.info().provider();
    URI cdp = requireCdpUrl(session);
    String address = DebuggerAddress.of(cdp).orElseThrow(() -> new BrowserSessionException(
        "Session " + session.id() + " of provider '" + provider + "' has no WebDriver endpoint"
            + " (attribute " + WEBDRIVER_URL_ATTRIBUTE + ") and its CDP URL is not a ws:// URL"
            + " with a port that chromedriver could attach to; use SeleniumConnector.devTools("
            + "session) for CDP, or the Playwright connector", provider));
    Path chromedriver = Chromedriver.locate(options.chromedriver(), System.getenv("PATH"))
        .orElseThrow(() -> new BrowserSessionException(
            "No chromedriver found to attach to session " + session.id() + ": set"
                + " SeleniumOptions.builder().chromedriver(path), the system property "
                + Chromedriver.SYSTEM_PROPERTY + ", or put chromedriver on PATH (Debian:"
                + " apt-get install chromium-driver)", provider));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .withTimeout(options.timeout())
        .build();
    ChromeOptions chrome = new ChromeOptions();
    chrome.setExperimentalOption("debuggerAddress", address);
    try {
      return new ChromeDriver(service, chrome, clientConfig(options));
    } catch (WebDriverException e) {
      service.stop();
      throw new BrowserSessionException(
          "chromedriver " + chromedriver + " could not attach to session " + session.id()
              + " of provider '" + provider + "' at debuggerAddress " + address + " within "
              + options.timeout() + "; check that the session is still ACTIVE and that"
              + " chromedriver matches the browser's major version", provider, 0, false, e);
    }
  }
}
