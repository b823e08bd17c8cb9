package dev.browsersessions.selenium;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.net.URL;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * A provider shaped like a Selenium Grid provider: it starts each session as a WebDriver session
 * at a W3C endpoint (here a bare chromedriver) and reports that endpoint in {@link
 * SeleniumConnector#WEBDRIVER_URL_ATTRIBUTE}. With no endpoint it only reports the given value.
 */
final class EndpointProvider implements BrowserSessionProvider {

  private final URL endpoint;
  private final Object attributeValue;
  private final Map<String, RemoteWebDriver> drivers = new ConcurrentHashMap<>();

  EndpointProvider(URL endpoint, Object attributeValue) {
    this.endpoint = endpoint;
    this.attributeValue = attributeValue;
  }

  @Override
  public String name() {
    return "endpoint";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.noneOf(Capability.class);
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    String id = "s-1";
    if (endpoint != null) {
      ChromeOptions chrome = new ChromeOptions();
      chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-first-run");
      RemoteWebDriver driver = new RemoteWebDriver(endpoint, chrome);
      id = driver.getSessionId().toString();
      drivers.put(id, driver);
    }
    return info(id, SessionStatus.ACTIVE);
  }

  @Override
  public SessionInfo status(String sessionId) {
    return info(sessionId, drivers.containsKey(sessionId) ? SessionStatus.ACTIVE
        : SessionStatus.CLOSED);
  }

  @Override
  public SessionInfo stop(String sessionId) {
    RemoteWebDriver driver = drivers.remove(sessionId);
    if (driver == null && endpoint != null) {
      throw new SessionNotFoundException(sessionId, name());
    }
    if (driver != null) {
      driver.quit();
    }
    return info(sessionId, SessionStatus.CLOSED);
  }

  int running() {
    return drivers.size();
  }

  private SessionInfo info(String id, SessionStatus status) {
    return SessionInfo.builder(id, name(), status)
        .attribute(SeleniumConnector.WEBDRIVER_URL_ATTRIBUTE, attributeValue)
        .build();
  }
}
