package dev.browsersessions.playwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.sun.net.httpserver.HttpServer;
import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.local.testing.Chromium;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Playwright drives a real local Chromium session to a page served on loopback. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaywrightConnectorTest {

  private static HttpServer server;
  private static BrowserSessions sessions;
  private static BrowserSession session;

  @BeforeAll
  static void startServerAndSession() throws Exception {
    Chromium.require(); // as the local provider finds it; skipped without one
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "<html><head><title>Served on loopback</title></head><body>hi</body></html>"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    sessions = BrowserSessions.create("local");
    session = sessions.start(SessionRequest.defaults());
  }

  @AfterAll
  static void stopAll() {
    if (sessions != null) {
      sessions.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private static String pageUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Test
  @Order(1)
  void navigatesToALoopbackPageAndReadsItsTitleThenDisconnectsKeepingTheSession() {
    Browser browser;
    try (PlaywrightSession pw = PlaywrightConnector.connect(session,
        PlaywrightOptions.builder().stopSessionOnClose(false).build())) {
      browser = pw.browser();
      pw.page().navigate(pageUrl());
      assertThat(pw.page().title()).isEqualTo("Served on loopback");
      assertThat(pw.context()).isSameAs(browser.contexts().get(0));
    }
    assertThat(browser.isConnected()).isFalse();
    assertThat(session.refresh().status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  @Order(2)
  void closingTheConnectionStopsTheSessionByDefault() {
    try (PlaywrightSession pw = PlaywrightConnector.connect(session)) {
      assertThat(pw.page().evaluate("() => 6 * 7")).isEqualTo(42);
    }
    assertThat(session.info().status().isTerminal()).isTrue();
    assertThat(sessions.openSessions()).doesNotContain(session.id());
  }

  @Test
  void aSessionWithoutACdpUrlIsRefusedNamingTheCapability() {
    FakeProvider noCdp =
        FakeProvider.builder().capabilities(EnumSet.complementOf(EnumSet.of(Capability.CDP_URL)))
            .build();
    try (BrowserSessions fake = BrowserSessions.of(noCdp);
        BrowserSession s = fake.start(SessionRequest.defaults())) {
      assertThatThrownBy(() -> PlaywrightConnector.connect(s))
          .isInstanceOf(UnsupportedCapabilityException.class)
          .hasMessageContaining("no CDP URL")
          .hasMessageContaining(s.id());
    }
  }
}
