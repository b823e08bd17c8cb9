package dev.browsersessions.selenium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionRequest;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriverService;

/**
 * A session whose attributes carry a WebDriver URL is driven through that endpoint, bound to the
 * existing WebDriver session. A bare chromedriver stands in for a Selenium Grid: both speak W3C
 * WebDriver.
 */
class WebDriverEndpointTest {

  private static LoopbackPage page;
  private static ChromeDriverService chromedriver;

  @BeforeAll
  static void startChromedriver() throws Exception {
    assumeTrue(Files.isExecutable(LocalSeleniumTest.CHROMEDRIVER),
        "No chromedriver (apt-get install chromium-driver); Selenium tests skipped");
    page = new LoopbackPage();
    chromedriver = new ChromeDriverService.Builder()
        .usingDriverExecutable(LocalSeleniumTest.CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    chromedriver.start();
  }

  @AfterAll
  static void stopAll() {
    if (chromedriver != null) {
      chromedriver.stop();
    }
    if (page != null) {
      page.close();
    }
  }

  @Test
  void theDriverIsBoundToTheProvidersWebDriverSessionAndClosingStopsItThroughTheProvider() {
    EndpointProvider grid =
        new EndpointProvider(chromedriver.getUrl(), chromedriver.getUrl().toString());
    try (BrowserSessions sessions = BrowserSessions.of(grid)) {
      BrowserSession session = sessions.start(SessionRequest.defaults());
      try (SeleniumSession selenium = SeleniumConnector.connect(session)) {
        selenium.webDriver().get(page.url());
        assertThat(selenium.webDriver().getTitle()).isEqualTo(LoopbackPage.TITLE);
        assertThat(grid.running()).isEqualTo(1);
      }
      assertThat(session.info().isTerminal()).isTrue();
      assertThat(grid.running()).isZero();
    }
  }

  @Test
  void aWebDriverUrlThatIsNotHttpIsRefusedWithoutEchoingIt() {
    try (BrowserSessions sessions =
            BrowserSessions.of(new EndpointProvider(null, "ftp://user:s3cret@grid.example/"));
        BrowserSession session = sessions.start(SessionRequest.defaults())) {
      assertThatThrownBy(() -> SeleniumConnector.connect(session))
          .isInstanceOf(ProviderProtocolException.class)
          .hasMessageContaining(SeleniumConnector.WEBDRIVER_URL_ATTRIBUTE)
          .hasMessageNotContaining("s3cret");
    }
  }
}
