package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.stagehand.sim.Scripted;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile or broken Stagehand or Browserbase: the ids and URLs they send are checked before they
 * are returned or put in a request path, and their other texts are made one bounded line before
 * they reach an attribute, the metadata or a message (provider-http's {@code ServerData}).
 */
class StagehandServerDataTest {

  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private static String session(String id, String extra) {
    return "{\"id\":\"" + id + "\",\"status\":\"RUNNING\"" + extra + "}";
  }

  @Test
  void startAnswerWithAnInvalidIdFailsAndTheSessionItStartedIsFoundAndStopped() {
    fx.sim.failAfterStarting(Scripted.json(200, "{\"success\":true,\"data\":{\"sessionId\":"
        + "\"../../v1/projects\",\"available\":true,\"cdpUrl\":\"wss://connect.sim/x\"}}"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderProtocolException.class)
          .hasMessageContaining("session id this library does not accept")
          .hasMessageContaining("found and stopped");
    }
    assertThat(fx.sim.runningIds()).isEmpty();
    assertThat(fx.sim.requests()).noneMatch(r -> r.path().contains(".."));
  }

  @Test
  void startReadBackAboutAnotherSessionFailsAndTheStartedSessionIsStopped() {
    String other = fx.sim.addBrowserbaseOnlySession(Map.of());
    fx.sim.enqueue("get", Scripted.json(200, session(other, "")));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderProtocolException.class)
          .hasMessageContaining("is about '" + other + "'")
          .hasMessageContaining("found and stopped");
    }
    assertThat(fx.sim.runningIds()).containsExactly(other);
  }

  @Test
  void statusAboutAnotherSessionAndAListWithAnInvalidIdAreProtocolErrors() {
    try (BrowserSessionProvider p = fx.provider()) {
      String asked = p.create(SessionRequest.defaults()).id();
      String other = fx.sim.addBrowserbaseOnlySession(Map.of());
      fx.sim.enqueue("get", Scripted.json(200, session(other, "")));
      assertThatThrownBy(() -> p.status(asked))
          .isInstanceOf(ProviderProtocolException.class)
          .hasMessageContaining("not about '" + asked + "' that was asked for");
      fx.sim.enqueue("list", Scripted.json(200, "[" + session("a b\\u001b[2J", "") + "]"));
      assertThatThrownBy(() -> p.list(SessionFilter.all()))
          .isInstanceOf(ProviderProtocolException.class)
          .hasMessageContaining("Browserbase's session list")
          .hasMessageNotContaining("\u001b");
    }
  }

  /** A hostile text: a line break that would forge a log line, an escape, and far too long. */
  private static final String HOSTILE = "boom\\r\\nX-Injected: 1\\u001b[2J" + "z".repeat(5000);

  /** What {@link #HOSTILE} must become: one bounded line. */
  private static void assertOneBoundedLine(Object text) {
    assertThat(text).asString().startsWith("boom  X-Injected: 1 zzz")
        .doesNotContain("\n", "\r", "\u001b", "[2J").hasSize(ServerData.MAX_TEXT + 1)
        .endsWith("…");
  }

  @Test
  void textsOfABrowserbaseSessionAreOneBoundedLine() {
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      fx.sim.enqueue("get", Scripted.json(200, "{\"id\":\"" + id + "\",\"status\":\"" + HOSTILE
          + "\",\"region\":\"" + HOSTILE + "\",\"projectId\":\"" + HOSTILE + "\",\"contextId\":\""
          + HOSTILE + "\",\"updatedAt\":\"" + HOSTILE + "\",\"userMetadata\":{\"tag\":\"" + HOSTILE
          + "\",\"" + HOSTILE + "\":\"v\"}}"));
      SessionInfo info = p.status(id);
      for (String attribute : new String[] {"browserbase.status", "region", "projectId",
          "contextId", "updatedAt"}) {
        assertOneBoundedLine(info.attributes().get(attribute));
      }
      assertOneBoundedLine(info.metadata().get("tag"));
      assertThat(info.metadata().keySet()).allSatisfy(k -> assertThat(k)
          .doesNotContain("\n").hasSizeLessThanOrEqualTo(ServerData.MAX_TEXT + 1));

      fx.sim.enqueue("get", Scripted.json(200, "{\"id\":\"" + id + "\",\"status\":\"COMPLETED\"}"));
      assertThat(p.status(id).closeReason()).contains("Browserbase status COMPLETED");
    }
  }

  @Test
  void aStartRefusalsMessageIsOneBoundedLine() {
    fx.sim.enqueue("start", Scripted.json(200, "{\"success\":false,\"message\":\"" + HOSTILE
        + "\"}"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOfSatisfying(BrowserSessionException.class, e -> {
            String m = e.getMessage();
            String said = m.substring(m.indexOf("(success: false): ") + 18);
            assertOneBoundedLine(said.contains(" — ") ? said.substring(0, said.indexOf(" — "))
                : said);
          });
    }
  }

  @Test
  void unsafeUrlsAreDroppedAndKeptRawInAttributes() {
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      fx.sim.enqueue("get", Scripted.json(200,
          session(id, ",\"connectUrl\":\"ws://203.0.113.9/?signingKey=k\"")));
      fx.sim.enqueue("debug", Scripted.json(200,
          "{\"debuggerFullscreenUrl\":\"http://live.example.com/x\"}"));
      SessionInfo info = p.status(id);
      assertThat(info.cdpUrl()).isEmpty();
      assertThat(info.liveViewUrl()).isEmpty();
      assertThat(info.attributes())
          .containsEntry("unsafe.cdpUrl", "ws://203.0.113.9/?signingKey=k")
          .containsEntry("unsafe.liveViewUrl", "http://live.example.com/x");

      fx.sim.enqueue("get", Scripted.json(200,
          session(id, ",\"connectUrl\":\"ws://[::1]:9222/devtools/browser/x\"")));
      assertThat(p.status(id).cdpUrl()).contains(URI.create("ws://[::1]:9222/devtools/browser/x"));
    }
    try (BrowserSessionProvider insecure = fx.provider(fx.config().put("allow-insecure", "true")
        .build())) {
      String id = insecure.create(SessionRequest.defaults()).id();
      fx.sim.enqueue("get", Scripted.json(200,
          session(id, ",\"connectUrl\":\"ws://203.0.113.9/?signingKey=k\"")));
      assertThat(insecure.status(id).cdpUrl())
          .contains(URI.create("ws://203.0.113.9/?signingKey=k"));
    }
  }
}
