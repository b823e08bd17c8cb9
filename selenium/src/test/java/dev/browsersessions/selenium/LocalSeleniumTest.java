package dev.browsersessions.selenium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;

/** chromedriver attached to a real local Chromium session through its debuggerAddress. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSeleniumTest {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static LoopbackPage page;
  private static BrowserSessions sessions;
  private static BrowserSession session;

  @BeforeAll
  static void startPageAndSession() throws Exception {
    assumeTrue(Files.isExecutable(CHROMEDRIVER),
        "No chromedriver (apt-get install chromium-driver); Selenium tests skipped");
    page = new LoopbackPage();
    sessions = BrowserSessions.create("local");
    session = sessions.start(SessionRequest.defaults());
  }

  @AfterAll
  static void stopAll() {
    if (sessions != null) {
      sessions.close();
    }
    if (page != null) {
      page.close();
    }
  }

  @Test
  @Order(1)
  void theWebDriverReadsALoopbackPageTitleAndLeavingItKeepsTheBrowser() {
    try (SeleniumSession selenium = SeleniumConnector.connect(session, SeleniumOptions.builder()
        .chromedriver(CHROMEDRIVER).stopSessionOnClose(false).build())) {
      WebDriver driver = selenium.webDriver();
      driver.get(page.url());
      assertThat(driver.getTitle()).isEqualTo(LoopbackPage.TITLE);
    }
    assertThat(session.refresh().status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  @Order(2)
  void devToolsSendsRawCdpCommandsAtBrowserLevel() {
    try (DevTools devTools = SeleniumConnector.devTools(session)) {
      Map<?, ?> version =
          devTools.send(new Command<Map<?, ?>>("Browser.getVersion", Map.of(), Map.class));
      assertThat(String.valueOf(version.get("product"))).contains("Chrome/");
    }
  }

  @Test
  @Order(3)
  void closingTheConnectionClosesDevToolsAndStopsTheSession() {
    SeleniumSession selenium = SeleniumConnector.connect(session,
        SeleniumOptions.builder().chromedriver(CHROMEDRIVER).build());
    Map<?, ?> targets = selenium.devTools().send(
        new Command<Map<?, ?>>("Target.getTargets", Map.of(), Map.class));
    assertThat(targets.containsKey("targetInfos")).isTrue();
    selenium.close();
    assertThat(session.info().isTerminal()).isTrue();
    assertThat(sessions.openSessions()).doesNotContain(session.id());
  }
}
