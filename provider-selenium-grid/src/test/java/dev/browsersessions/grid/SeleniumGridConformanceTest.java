package dev.browsersessions.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.remote.RemoteWebDriver;

/** The whole conformance kit against a real standalone Grid (one per class) running Chromium. */
class SeleniumGridConformanceTest extends BrowserSessionProviderContract {

  private GridProcess grid;
  private MutableClock clock;

  @BeforeAll
  void startGrid() throws IOException {
    assumeTrue(GridProcess.available(), "needs /usr/bin/chromedriver and /usr/bin/chromium");
    grid = GridProcess.standalone(Files.createTempDirectory("grid-conformance"), 6);
  }

  @AfterAll
  void stopGrid() {
    if (grid != null) {
      grid.close();
    }
  }

  /**
   * A Selenium user attaches a RemoteWebDriver through the session's WebDriver URL; the CDP URL is
   * the Grid's proxy on the configured router (the kit's R12 rules drive the browser through it).
   */
  @Test
  void remoteWebDriverAttachesThroughTheWebdriverUrl() throws Exception {
    HttpServer page = Loopback.server();
    page.createContext("/", exchange -> Loopback.answer(exchange, 200, "text/html; charset=utf-8",
        "<html><head><title>served on loopback</title></head></html>"));
    SessionInfo session = provider().create(minimalRequest());
    try {
      String webDriverUrl = (String) session.attributes().get(GridAttributes.WEBDRIVER_URL);
      assertThat(webDriverUrl).isEqualTo(grid.url().toString());
      assertThat(session.cdpUrl()).hasValue(
          URI.create("ws://" + grid.url().getAuthority() + "/session/" + session.id() + "/se/cdp"));
      RemoteWebDriver driver = AttachedClients.remoteWebDriver(webDriverUrl, session.id());
      driver.get(Loopback.url(page) + "/");
      assertThat(driver.getTitle()).isEqualTo("served on loopback");
      assertThat(driver.getSessionId().toString()).isEqualTo(session.id());
    } finally {
      provider().stop(session.id());
      page.stop(0);
    }
  }

  /**
   * Another process (a second provider instance) tells an ended session from one that never
   * existed, from the Grid's own memory of removed sessions, and enforces a maximum duration
   * it did not ask for (the limit travels in the session's capabilities).
   */
  @Test
  void anotherProcessTellsEndedFromNeverExisted() {
    SessionInfo stopped = provider().create(minimalRequest());
    provider().stop(stopped.id());
    SessionInfo expiring = provider().create(
        minimalRequest().toBuilder().maxDuration(Duration.ofMinutes(10)).build());
    MutableClock otherClock = MutableClock.of(clock.instant());
    try (BrowserSessionProvider other = SeleniumGridProviderFactory.provider(
        SeleniumGridSettings.builder().url(grid.url()).build(), otherClock)) {
      SessionInfo ended = other.status(stopped.id());
      assertThat(ended.status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(ended.closeReason()).hasValueSatisfying(r -> assertThat(r).contains("closed normally"));
      assertThatThrownBy(() -> other.status("0123456789abcdef0123456789abcdef"))
          .isInstanceOf(SessionNotFoundException.class);
      assertThatThrownBy(() -> other.stop("0123456789abcdef0123456789abcdef"))
          .isInstanceOf(SessionNotFoundException.class);

      assertThat(other.status(expiring.id()).status()).isEqualTo(SessionStatus.ACTIVE);
      otherClock.advance(Duration.ofMinutes(11));
      assertThat(other.status(expiring.id()).status()).isEqualTo(SessionStatus.TIMED_OUT);
    }
    assertThat(provider().status(expiring.id()).isTerminal())
        .as("the Grid ended it, so its creator sees it ended too").isTrue();
  }

  @Override
  protected BrowserSessionProvider createProvider() {
    clock = MutableClock.startingNow();
    return SeleniumGridProviderFactory.provider(
        SeleniumGridSettings.builder().url(grid.url()).build(), clock);
  }

  @Override
  protected Optional<TimeControl> timeControl() {
    MutableClock c = clock;
    return Optional.of(c::advance);
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected boolean liveBrowser() {
    return true;
  }

  @Override
  protected int parallelism() {
    return 2; // each call starts a real browser: two at once on 2 cores, not a queue
  }
}
