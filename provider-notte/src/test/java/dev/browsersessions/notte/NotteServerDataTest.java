package dev.browsersessions.notte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.notte.internal.NotteProvider;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile or broken Notte: the ids and URLs it sends are checked before they are returned or
 * put in a request path, and its other texts are made one bounded line before they reach an
 * attribute or a message (provider-http's {@code ServerData}).
 */
class NotteServerDataTest {

  private static final String KEY = "nk-test";
  private final MutableClock clock = MutableClock.of(Instant.parse("2026-08-07T10:00:00Z"));
  private NotteSimulator sim;

  @BeforeEach
  void start() throws IOException {
    sim = new NotteSimulator(clock, KEY);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private NotteProvider provider(boolean allowInsecure) {
    return NotteProviders.create(ProviderConfig.builder()
        .put("api-key", KEY).put("base-url", sim.baseUrl().toString())
        .put("retry-initial-backoff", "1ms").put("retry-max-backoff", "5ms")
        .put("stop-poll-interval", "1ms").put("stop-confirm-timeout", "2s")
        .put("allow-insecure", String.valueOf(allowInsecure))
        .build(), clock, clock::advance);
  }

  /** The next status read of the session answers these URLs. */
  private void answerStatus(String id, String cdpUrl, String viewerUrl) {
    sim.inject("GET", "/sessions/" + id, 200, "{\"session_id\":\"" + id + "\",\"status\":"
        + "\"active\",\"cdp_url\":\"" + cdpUrl + "\",\"viewer_url\":\"" + viewerUrl + "\"}");
  }

  @Test
  void startAnswerWithAnInvalidIdFailsAndTheSessionItStartedIsFoundAndStopped() {
    sim.rewriteNextStartAnswer(a -> a.replaceFirst("\"session_id\":\"[^\"]+\"",
        "\"session_id\":\"../../admin\""));
    NotteProvider notte = provider(false);
    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("session id this library does not accept")
        .hasMessageContaining("found and stopped");
    assertThat(sim.activeCount()).isZero();
    assertThat(sim.received).noneMatch(r -> r.path().contains(".."));
  }

  @Test
  void statusAndStopAnswersAboutAnotherSessionAreProtocolErrors() {
    NotteProvider notte = provider(false);
    String asked = notte.create(SessionRequest.defaults()).id();
    String other = notte.create(SessionRequest.defaults()).id();
    String answer = "{\"session_id\":\"" + other + "\",\"status\":\"closed\"}";
    sim.inject("GET", "/sessions/" + asked, 200, answer);
    assertThatThrownBy(() -> notte.status(asked))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("is about '" + other + "', not about '" + asked + "'");
    sim.inject("DELETE", "/sessions/" + asked + "/stop", 200, answer);
    assertThatThrownBy(() -> notte.stop(asked)).isInstanceOf(ProviderProtocolException.class);
    assertThat(sim.statusOf(other)).isEqualTo("active");
  }

  @Test
  void agentAnswerAboutAnotherAgentOrSessionIsAProtocolError() {
    NotteExtras extras = NotteExtras.create(ProviderConfig.builder()
        .put("api-key", KEY).put("base-url", sim.baseUrl().toString()).build());
    sim.inject("DELETE", "/agents/ag1/stop", 200,
        "{\"agent_id\":\"ag2\",\"session_id\":\"s1\",\"status\":\"closed\"}");
    assertThatThrownBy(() -> extras.stopAgent("ag1", "s1"))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("is about 'ag2', not about 'ag1'");
    sim.inject("DELETE", "/agents/ag1/stop", 200,
        "{\"agent_id\":\"ag1\",\"session_id\":\"../s2\",\"status\":\"closed\"}");
    assertThatThrownBy(() -> extras.stopAgent("ag1", "s1"))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("does not accept");
  }

  @Test
  void listWithAnInvalidIdIsAProtocolError() {
    NotteProvider notte = provider(false);
    sim.inject("GET", "/sessions", 200, "{\"items\":[{\"session_id\":\"a/../b\","
        + "\"status\":\"active\"}],\"has_next\":false}");
    assertThatThrownBy(() -> notte.list(SessionFilter.all()))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("Notte's session list")
        .hasMessageContaining("a/../b");
  }

  /** A hostile text: a line break that would forge a log line, an escape, and far too long. */
  private static final String HOSTILE = "boom\\r\\nX-Injected: 1\\u001b[2J" + "z".repeat(5000);

  /** What {@link #HOSTILE} must become: one bounded line. */
  private static void assertOneBoundedLine(String text) {
    assertThat(text).startsWith("boom  X-Injected: 1 zzz")
        .doesNotContain("\n", "\r", "\u001b", "[2J").hasSize(ServerData.MAX_TEXT + 1).endsWith("…");
  }

  @Test
  void textsOfASessionAnswerAreOneBoundedLine() {
    NotteProvider notte = provider(false);
    String id = notte.create(SessionRequest.defaults()).id();
    sim.inject("GET", "/sessions/" + id, 200, "{\"session_id\":\"" + id + "\",\"status\":"
        + "\"closed\\n" + HOSTILE + "\",\"error\":\"" + HOSTILE + "\",\"note\":\"" + HOSTILE
        + "\"}");
    SessionInfo info = notte.status(id);
    assertOneBoundedLine(info.closeReason().orElseThrow());
    assertThat((String) info.attributes().get("notte.status")).startsWith("closed boom")
        .doesNotContain("\n").hasSize(ServerData.MAX_TEXT + 1);
    assertOneBoundedLine((String) info.attributes().get("note"));
  }

  @Test
  void attributeKeysAndTextsNestedInSmallContainersAreOneLine() {
    NotteProvider notte = provider(false);
    String id = notte.create(SessionRequest.defaults()).id();
    sim.inject("GET", "/sessions/" + id, 200, "{\"session_id\":\"" + id + "\",\"status\":"
        + "\"active\",\"k\\r\\nforged\\u001b[2J\":1,\"nested\":{\"inner\\nkey\":"
        + "[\"bad\\r\\nline\\u001b[31m\"],\"plain\":\"ok\\u0007\"}}");
    SessionInfo info = notte.status(id);
    assertThat(info.attributes().keySet())
        .allSatisfy(k -> assertThat(k).doesNotContain("\n", "\r", "\u001b", "[2J"))
        .anySatisfy(k -> assertThat(k).startsWith("k").contains("forged"));
    Map<?, ?> nested = (Map<?, ?>) info.attributes().get("nested");
    assertThat(nested).hasSize(2);
    assertThat(nested.keySet()).allSatisfy(k -> assertThat((String) k).doesNotContain("\n"))
        .anySatisfy(k -> assertThat((String) k).startsWith("inner").endsWith("key"));
    assertThat((String) nested.get("plain")).startsWith("ok").doesNotContain("\u0007");
    List<?> list = (List<?>) nested.values().stream().filter(List.class::isInstance)
        .findFirst().orElseThrow();
    assertThat((String) list.get(0)).startsWith("bad").contains("line")
        .doesNotContain("\n", "\r", "\u001b", "[31m");
    assertThatThrownBy(() -> nested.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void errorTextsOfSuccessfulAnswersAreOneBoundedLineInMessages() {
    NotteProvider legacy = NotteProviders.create(ProviderConfig.builder()
        .put("api-key", KEY).put("base-url", sim.baseUrl().toString())
        .put("legacy-close", "true").put("max-retries", "0").build(), clock, clock::advance);
    sim.inject("POST", "/session/close", 200, "{\"session_id\":\"s1\",\"error\":\"" + HOSTILE
        + "\"}");
    assertThatThrownBy(() -> legacy.stop("s1")).isInstanceOfSatisfying(
        BrowserSessionException.class, e -> assertOneBoundedLine(e.getMessage()
            .substring(e.getMessage().indexOf("failed: ") + 8)));

    NotteExtras extras = NotteExtras.create(ProviderConfig.builder()
        .put("api-key", KEY).put("base-url", sim.baseUrl().toString()).build(), clock,
        clock::advance);
    sim.inject("POST", "/sessions/s1/cookies", 200, "{\"success\":false,\"message\":\""
        + HOSTILE + "\"}");
    assertThatThrownBy(() -> extras.setCookies("s1", java.util.List.of()))
        .isInstanceOfSatisfying(BrowserSessionException.class, e -> assertOneBoundedLine(
            e.getMessage().substring(e.getMessage().indexOf("': ") + 3)));
  }

  @Test
  void unsafeUrlsAreDroppedAndKeptRawInAttributes() {
    NotteProvider notte = provider(false);
    String id = notte.create(SessionRequest.defaults()).id();
    answerStatus(id, "ws://203.0.113.9/devtools", "javascript:alert(1)");
    sim.inject("GET", "/sessions/" + id + "/debug", 200, "{\"debug_url\":null}");
    SessionInfo info = notte.status(id);
    assertThat(info.cdpUrl()).isEmpty();
    assertThat(info.liveViewUrl()).isEmpty();
    assertThat(info.attributes())
        .containsEntry("unsafe.cdpUrl", "ws://203.0.113.9/devtools")
        .containsEntry("unsafe.liveViewUrl", "javascript:alert(1)");
  }

  @Test
  void plainUrlsAreAcceptedOnLoopbackAndWithAllowInsecure() {
    NotteProvider notte = provider(false);
    String id = notte.create(SessionRequest.defaults()).id();
    answerStatus(id, "ws://127.0.0.1:9222/devtools/browser/x", "http://localhost:8080/view");
    SessionInfo local = notte.status(id);
    assertThat(local.cdpUrl()).contains(URI.create("ws://127.0.0.1:9222/devtools/browser/x"));
    assertThat(local.liveViewUrl()).contains(URI.create("http://localhost:8080/view"));

    NotteProvider insecure = provider(true);
    answerStatus(id, "ws://203.0.113.9/devtools", "http://viewer.example.com/v");
    SessionInfo remote = insecure.status(id);
    assertThat(remote.cdpUrl()).contains(URI.create("ws://203.0.113.9/devtools"));
    assertThat(remote.liveViewUrl()).contains(URI.create("http://viewer.example.com/v"));
    assertThat(remote.attributes()).doesNotContainKeys("unsafe.cdpUrl", "unsafe.liveViewUrl");
  }
}
