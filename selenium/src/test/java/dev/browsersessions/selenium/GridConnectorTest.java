package dev.browsersessions.selenium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.grid.GridAttributes;
import dev.browsersessions.grid.GridProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * The connector on a session of the real Selenium Grid provider ({@code selenium-grid}, chosen by
 * name as users do) on a real standalone Grid: provider-selenium-grid's {@link GridProcess}
 * fixture (its test-jar; Debian's chromedriver and Chromium, skipped without them), one Grid for
 * the class. Checks that the provider's {@link GridAttributes#WEBDRIVER_URL} is the key the
 * connector reads, and that the connector drives that very Grid session.
 */
class GridConnectorTest {

  @TempDir static Path dir;

  private static LoopbackPage page;
  private static GridProcess grid;
  private static BrowserSessions sessions;

  @BeforeAll
  static void startGrid() throws Exception {
    assumeTrue(GridProcess.available(),
        "No chromedriver or Chromium (apt-get install chromium-driver); Grid test skipped");
    page = new LoopbackPage();
    grid = GridProcess.standalone(dir, 1);
    sessions = BrowserSessions.create("selenium-grid",
        ProviderConfig.of(Map.of("url", grid.url().toString(), "max-retries", "0")));
  }

  @AfterAll
  static void stopAll() {
    try {
      if (sessions != null) {
        sessions.close();
      }
    } finally {
      if (grid != null) {
        grid.close();
      }
      if (page != null) {
        page.close();
      }
    }
  }

  @Test
  void theGridProviderAndTheConnectorNameTheWebDriverEndpointWithTheSameKey() {
    assertThat(SeleniumConnector.WEBDRIVER_URL_ATTRIBUTE).isEqualTo(GridAttributes.WEBDRIVER_URL);
  }

  @Test
  void aGridSessionIsDrivenThroughItsOwnWebDriverSessionAndClosingStopsIt() {
    BrowserSession session = sessions.start(SessionRequest.defaults());
    // read with the provider's constant: the value the connector finds under its own key
    assertThat(session.info().attributes())
        .containsEntry(GridAttributes.WEBDRIVER_URL, grid.url().toString());

    try (SeleniumSession selenium = SeleniumConnector.connect(session)) {
      WebDriver driver = selenium.webDriver();
      // bound to the Grid session itself (the Grid has one slot: no second browser)
      assertThat(((RemoteWebDriver) driver).getSessionId()).hasToString(session.id());
      driver.get(page.url());
      assertThat(driver.getTitle()).isEqualTo(LoopbackPage.TITLE);
    }

    assertThat(session.refresh().isTerminal()).isTrue();
    assertThat(sessions.openSessions()).isEmpty();
  }
}
