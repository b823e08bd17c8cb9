package dev.browsersessions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.local.internal.CdpConnection;
import dev.browsersessions.local.internal.DevToolsProbe;
import dev.browsersessions.local.internal.PosixUser;
import dev.browsersessions.local.internal.SessionRecord;
import dev.browsersessions.local.internal.StateDirectory;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real clients on a real session: Playwright's {@code connectOverCDP} and Selenium's {@code
 * debuggerAddress} work through the relay; the page sees the requested viewport, user agent and
 * proxy; traffic keeps a session alive and its end starts the idle clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalCdpClientsTest {

  private static final String AGENT = "browser-sessions-test/1.0";

  @TempDir static Path base;
  private BrowserSessionProvider provider;
  private SessionInfo session;
  /** One Playwright (a Node.js driver process) for the class: it takes seconds to start. */
  private Playwright playwright;
  private ServerSocket proxy;
  private final CompletableFuture<String> proxiedRequest = new CompletableFuture<>();

  @BeforeAll
  void startOneSessionForTheClass() throws Exception {
    proxy = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::serveProxiedRequests, "test-proxy");
    t.setDaemon(true);
    t.start();
    playwright = Playwright.create();
    provider = RealChromium.provider(base.resolve("shared"));
    session = provider.create(SessionRequest.builder().viewport(1280, 800).userAgent(AGENT)
        .proxy(ProxySettings.external("http://127.0.0.1:" + proxy.getLocalPort())).build());
  }

  @AfterAll
  void stopIt() throws Exception {
    provider.stop(session.id());
    provider.close();
    playwright.close();
    proxy.close();
    StateDirs.cleanUp(base);
  }

  /** A tiny HTTP proxy: answers every request with a page, remembers the first request line. */
  private void serveProxiedRequests() {
    while (!proxy.isClosed()) {
      try (Socket s = proxy.accept()) {
        BufferedReader in = new BufferedReader(
            new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        if (requestLine != null && requestLine.contains("proxied.invalid/ ")) {
          proxiedRequest.complete(requestLine);
        }
        byte[] body = "<title>via proxy</title>".getBytes(StandardCharsets.ISO_8859_1);
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
            + body.length + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      } catch (Exception e) {
        return; // closed
      }
    }
  }

  @Test
  void thePageSeesTheViewportUserAgentAndProxyAndInfoHasTheVersionRightAfterStart()
      throws Exception {
    // Right after start, not only after a refresh (Selenium's CDP version finder needs it).
    assertThat(session.attributes().get("browser")).asString().matches("(Headless)?Chrome/\\d.*");
    try (CdpConnection cdp = CdpConnection.open(session.cdpUrl().orElseThrow(),
        Duration.ofSeconds(20))) {
      String page = cdp.attachToFirstPage();
      assertThat(cdp.evaluate(page, "innerWidth + 'x' + innerHeight")).isEqualTo("1280x800");
      assertThat(cdp.evaluate(page, "navigator.userAgent")).isEqualTo(AGENT);
      cdp.send("Page.enable", "{}", page);
      cdp.send("Page.navigate", "{\"url\":\"http://proxied.invalid/\"}", page);
      assertThat(proxiedRequest.get(20, TimeUnit.SECONDS))
          .isEqualTo("GET http://proxied.invalid/ HTTP/1.1");
      Polling.until(Duration.ofSeconds(20), () -> title(cdp, page).equals("via proxy"));
    }
  }

  private static String title(CdpConnection cdp, String page) {
    try {
      return cdp.evaluate(page, "document.title");
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void playwrightConnectsOverCdpByHttpUrlThroughTheRelay() {
    URI ws = session.cdpUrl().orElseThrow();
    Browser browser = playwright.chromium().connectOverCDP("http://127.0.0.1:" + ws.getPort());
    try {
      Page page = browser.contexts().get(0).pages().get(0);
      assertThat(page.evaluate("() => innerWidth + 'x' + innerHeight")).isEqualTo("1280x800");
    } finally {
      browser.close(); // disconnects only
    }
  }

  @Test
  void seleniumAttachesByDebuggerAddressThroughTheRelay() {
    URI ws = session.cdpUrl().orElseThrow();
    ChromeOptions options = new ChromeOptions();
    options.setExperimentalOption("debuggerAddress", "127.0.0.1:" + ws.getPort());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
    WebDriver driver = new ChromeDriver(service, options);
    try {
      driver.get("data:text/html,<title>selenium</title>");
      assertThat(driver.getTitle()).isEqualTo("selenium");
    } finally {
      service.stop(); // detaches; quit() would close the attached browser's windows
    }
  }

  /**
   * Fetches /json/version from the relay with bash's /dev/tcp as another user; a refused
   * connection is closed at once, so {@code cat} ends.
   */
  private String fetchVersionAs(List<String> asUser) throws Exception {
    int port = session.cdpUrl().orElseThrow().getPort();
    List<String> cmd = new ArrayList<>(asUser);
    cmd.addAll(List.of("/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port
        + " && printf 'GET /json/version HTTP/1.1\\r\\nHost: 127.0.0.1:" + port
        + "\\r\\nConnection: close\\r\\n\\r\\n' >&3 && timeout 10 cat <&3"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void theRelayServesItsOwnUserButRefusesAnotherUsersProcesses() throws Exception {
    assertThat(new DevToolsProbe(Duration.ofSeconds(10)).browserVersion(session.cdpUrl()
        .orElseThrow())).as("the relay serves its own user").get().asString().contains("Chrome/");
    assumeTrue(PosixUser.isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "needs root and setpriv to act as another user");
    String asNobody = fetchVersionAs(List.of("/usr/bin/setpriv", "--reuid=65534",
        "--regid=65534", "--clear-groups"));
    assertThat(asNobody).doesNotContain("HTTP/1.1").doesNotContain("webSocketDebuggerUrl");
  }

  @Test
  void cdpTrafficKeepsASessionAliveAndItsEndStartsTheIdleClock() {
    Duration idle = Duration.ofSeconds(2);
    SessionInfo s = provider.create(SessionRequest.builder().idleTimeout(idle).build());
    StateDirectory state = new StateDirectory(base.resolve("shared"));
    Instant lastCall;
    Browser browser = playwright.chromium().connectOverCDP(s.cdpUrl().orElseThrow().toString());
    try {
      Page page = browser.contexts().get(0).pages().get(0);
      long until = System.nanoTime() + idle.multipliedBy(3).toNanos();
      while (System.nanoTime() - until < 0) {
        // The browser waits, not the test: each call takes about 200 ms.
        page.evaluate("() => new Promise(r => setTimeout(r, 200))");
        assertThat(state.read(s.id()).orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);
      }
    } finally {
      browser.close(); // disconnects only
      lastCall = Instant.now();
    }
    Duration took = Polling.until(idle.plusSeconds(10),
        () -> state.read(s.id()).orElseThrow().status().isTerminal());
    SessionRecord ended = state.read(s.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(SessionStatus.TIMED_OUT);
    Duration fromLastTraffic = Duration.between(lastCall, ended.closedAt().orElseThrow());
    System.out.printf("[local] idle %s: TIMED_OUT recorded %d ms after the driver disconnected;"
        + " recorded end is %d ms after it%n", idle, took.toMillis(), fromLastTraffic.toMillis());
    assertThat(took).isLessThan(idle.plus(Duration.ofMillis(1500)));
    assertThat(took).isGreaterThan(idle.minus(Duration.ofMillis(500)));
  }
}
