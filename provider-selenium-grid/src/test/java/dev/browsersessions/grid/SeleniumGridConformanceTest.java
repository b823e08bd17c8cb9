package dev.browsersessions.grid;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.TimeControl;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.spi.BrowserSessionProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.browsersessions.SessionInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.remote.RemoteWebDriver;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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

  /** A Selenium user attaches a RemoteWebDriver through the session's WebDriver URL. */
  @Test
  void remoteWebDriverAttachesThroughTheWebdriverUrl() throws Exception {
    HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    page.createContext("/", exchange -> {
      byte[] html = "<html><head><title>served on loopback</title></head></html>"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, html.length);
      exchange.getResponseBody().write(html);
      exchange.close();
    });
    page.start();
    SessionInfo session = provider().create(minimalRequest());
    try {
      String webdriverUrl = (String) session.attributes().get("webdriverUrl");
      assertThat(webdriverUrl).isEqualTo(grid.url() + "/session/" + session.id());
      RemoteWebDriver driver = AttachedClients.remoteWebDriver(webdriverUrl);
      driver.get("http://127.0.0.1:" + page.getAddress().getPort() + "/");
      assertThat(driver.getTitle()).isEqualTo("served on loopback");
      assertThat(driver.getSessionId().toString()).isEqualTo(session.id());
    } finally {
      provider().stop(session.id());
      page.stop(0);
    }
  }

  /** The CDP URL is the Grid's per-session proxy on the configured router, and it works. */
  @Test
  void cdpUrlDrivesTheBrowserThroughTheRouter() throws Exception {
    SessionInfo session = provider().create(minimalRequest());
    try {
      URI cdp = session.cdpUrl().orElseThrow();
      assertThat(cdp.getAuthority()).isEqualTo(grid.url().getAuthority());
      assertThat(AttachedClients.cdpBrowserVersion(cdp)).contains("\"id\":1").contains("Chrome/");
    } finally {
      provider().stop(session.id());
    }
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
  protected int parallelism() {
    return 4; // real browsers on 2 cores; the Grid has 6 slots
  }
}
