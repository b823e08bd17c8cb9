package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.Viewport;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.stagehand.sim.RecordedRequest;
import dev.browsersessions.stagehand.sim.Scripted;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wire tests of create: the start request and every documented answer. */
class StagehandCreateWireTest {

  private final ObjectMapper json = new ObjectMapper();
  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private JsonNode body(RecordedRequest r) throws Exception {
    return json.readTree(r.body());
  }

  @Test
  void createReportsBrowserbasesTimesNotThisMachinesClock() {
    fx.sim.advance(Duration.ofHours(3)); // the provider's clock stays three hours behind
    try (BrowserSessionProvider p = fx.provider()) {
      SessionInfo created = p.create(SessionRequest.builder()
          .maxDuration(Duration.ofMinutes(10)).build());
      SessionInfo status = p.status(created.id());
      assertThat(created.createdAt()).contains(fx.sim.clock().instant())
          .isEqualTo(status.createdAt());
      assertThat(created.maxDuration()).contains(Duration.ofMinutes(10))
          .isEqualTo(status.maxDuration());
      assertThat(created.cdpUrl()).isPresent();
    }
  }

  @Test
  void createWhoseReadBackFailsStillReturnsTheRunningSession() {
    for (int i = 0; i < 3; i++) { // the first try and both retries
      fx.sim.enqueue("get", Scripted.json(500, "{\"statusCode\":500,\"error\":\"boom\"}"));
    }
    try (BrowserSessionProvider p = fx.provider()) {
      SessionInfo created = p.create(SessionRequest.defaults());
      assertThat(created.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(created.createdAt()).contains(fx.providerClock.instant());
      assertThat(fx.sim.runningIds()).containsExactly(created.id());
    }
  }

  @Test
  void startRequestCarriesTheDocumentedHeadersAndBody() throws Exception {
    try (BrowserSessionProvider p = fx.provider()) {
      p.create(SessionRequest.builder()
          .maxDuration(Duration.ofSeconds(90).plusMillis(1))
          .viewport(new Viewport(1024, 768))
          .proxy(ProxySettings.managed("us"))
          .keepAlive(true)
          .metadata("job", "7")
          .build());
    }
    RecordedRequest start = fx.sim.requests("start").get(0);
    assertThat(start.method()).isEqualTo("POST");
    assertThat(start.path()).isEqualTo("/v1/sessions/start");
    assertThat(start.header("x-bb-api-key")).contains(SimFixture.KEY);
    assertThat(start.header("x-stream-response")).contains("false");
    assertThat(start.header("x-language")).isEmpty();
    assertThat(start.header("x-model-api-key")).isEmpty();
    assertThat(start.header("content-type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    JsonNode body = body(start);
    assertThat(body.path("modelName").asText()).isEqualTo("openai/gpt-5.4-mini");
    JsonNode params = body.path("browserbaseSessionCreateParams");
    assertThat(params.path("timeout").asInt()).isEqualTo(91);
    assertThat(params.path("keepAlive").asBoolean()).isTrue();
    assertThat(params.path("proxies").toString())
        .isEqualTo("[{\"type\":\"browserbase\",\"geolocation\":{\"country\":\"US\"}}]");
    assertThat(params.path("browserSettings").path("viewport").toString())
        .isEqualTo("{\"width\":1024,\"height\":768}");
    assertThat(params.path("userMetadata").path("job").asText()).isEqualTo("7");
    assertThat(params.path("userMetadata").has(BrowserSessions.OWNER_TAG)).isTrue();
  }

  @Test
  void modelKeyAndModelNameComeFromConfiguration() {
    try (BrowserSessionProvider p = fx.provider(fx.config()
        .put("model-api-key", "sk-model").put("model-name", "anthropic/claude-sonnet-4-5")
        .build())) {
      p.create(SessionRequest.defaults());
      assertThat(p.toString()).doesNotContain("sk-model").doesNotContain(SimFixture.KEY);
    }
    RecordedRequest start = fx.sim.requests("start").get(0);
    assertThat(start.header("x-model-api-key")).contains("sk-model");
    assertThat(start.body()).contains("\"modelName\":\"anthropic/claude-sonnet-4-5\"")
        .doesNotContain("sk-model");
  }

  @Test
  void createReportsTheStartedSession() {
    SessionInfo info;
    try (BrowserSessionProvider p = fx.provider()) {
      info = p.create(SessionRequest.builder().maxDuration(Duration.ofMinutes(10))
          .metadata("job", "7").build());
    }
    assertThat(info.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(info.provider()).isEqualTo("stagehand");
    assertThat(info.cdpUrl()).hasValueSatisfying(
        u -> assertThat(u.toString()).startsWith("wss://connect.sim.browserbase.com/"));
    assertThat(info.liveViewUrl()).hasValueSatisfying(
        u -> assertThat(u.toString()).contains("devtools-fullscreen"));
    assertThat(info.maxDuration()).contains(Duration.ofMinutes(10));
    assertThat(info.metadata()).containsEntry("job", "7");
    assertThat(fx.sim.statusOf(info.id())).isEqualTo("RUNNING");
    RecordedRequest debug = fx.sim.requests("debug").get(0);
    assertThat(debug.path()).isEqualTo("/v1/sessions/" + info.id() + "/debug");
    assertThat(debug.header("x-bb-api-key")).contains(SimFixture.KEY);
  }

  @Test
  void liveViewLookupCanBeTurnedOffAndItsFailureDoesNotFailCreate() {
    try (BrowserSessionProvider p = fx.provider(fx.config().put("live-view", "false").build())) {
      assertThat(p.create(SessionRequest.defaults()).liveViewUrl()).isEmpty();
    }
    assertThat(fx.sim.requests("debug")).isEmpty();
    fx.sim.enqueue("debug", Scripted.json(404, "{\"message\":\"nope\"}"));
    try (BrowserSessionProvider p = fx.provider()) {
      SessionInfo info = p.create(SessionRequest.defaults());
      assertThat(info.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(info.liveViewUrl()).isEmpty();
    }
  }

  @Test
  void eachRegionIsStartedAndEndedOnItsOwnStagehandHost() {
    URI eu = fx.sim.addStagehandHost("eu");
    URI ap = fx.sim.addStagehandHost("ap");
    try (BrowserSessionProvider p = fx.provider(fx.config()
        .put("stagehand-url", " ")
        .put("stagehand-url.eu-central-1", eu + "/v1")
        .put("stagehand-url.ap-southeast-1", ap.toString())
        .put("stagehand-url.us-west-2", fx.sim.stagehandUrl().toString())
        .build())) {
      SessionInfo inEu = p.create(SessionRequest.builder().region("eu-central-1").build());
      SessionInfo inAp = p.create(SessionRequest.builder().region("ap-southeast-1").build());
      SessionInfo inDefault = p.create(SessionRequest.defaults());
      p.stop(inEu.id());
      assertThat(inEu.attributes()).containsEntry("region", "eu-central-1");
      assertThat(inAp.id()).isNotEqualTo(inDefault.id());
    }
    assertThat(fx.sim.requests("start")).extracting(RecordedRequest::host)
        .containsExactly("eu", "ap", "default");
    assertThat(fx.sim.requests("end")).extracting(RecordedRequest::host).containsExactly("eu");
  }

  @Test
  void successFalseIsAnErrorWithTheServersMessage() {
    fx.sim.enqueue("start", Scripted.json(200,
        "{\"success\":false,\"message\":\"Project suspended\"}"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(BrowserSessionException.class)
          .hasMessageContaining("Project suspended");
    }
  }

  @Test
  void availableFalseIsAnErrorAndTheBrowserIsStopped() {
    String id = fx.sim.addBrowserbaseOnlySession(java.util.Map.of());
    fx.sim.enqueue("start", Scripted.json(200, "{\"success\":true,\"data\":{\"sessionId\":\""
        + id + "\",\"available\":false,\"cdpUrl\":null}}"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("available: false").hasMessageContaining(id)
          .hasMessageContaining("it was found and stopped");
    }
    assertThat(fx.sim.runningIds()).doesNotContain(id);
  }

  @Test
  void answerWithoutSessionIdIsAProtocolError() {
    fx.sim.enqueue("start", Scripted.json(200, "{\"success\":true,\"data\":{}}"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("sessionId");
    }
  }

  @Test
  void eventStreamAnswerIsReadToItsFinishedResult() {
    fx.sim.enqueue("start", Scripted.sse("""
        event: starting
        data: {"data":{"status":"starting"},"type":"system","id":"1"}

        event: connected
        data: {"data":{"status":"connected"},"type":"system","id":"2"}

        event: finished
        data: {"data":{"status":"finished","result":{"sessionId":"sse-1","available":true,"cdpUrl":"wss://x/?k=1"},"actionId":"a"},"type":"system","id":"3"}

        """));
    try (BrowserSessionProvider p = fx.provider(fx.config().put("live-view", "false").build())) {
      SessionInfo info = p.create(SessionRequest.defaults());
      assertThat(info.id()).isEqualTo("sse-1");
      assertThat(info.cdpUrl()).contains(URI.create("wss://x/?k=1"));
    }
  }

  @Test
  void eventStreamWithTheEnvelopeAsResultIsAccepted() {
    fx.sim.enqueue("start", Scripted.sse("event: finished\ndata: {\"data\":{\"status\":"
        + "\"finished\",\"result\":{\"success\":true,\"data\":{\"sessionId\":\"sse-2\","
        + "\"available\":true}}}}\n\n"));
    try (BrowserSessionProvider p = fx.provider(fx.config().put("live-view", "false").build())) {
      assertThat(p.create(SessionRequest.defaults()).id()).isEqualTo("sse-2");
    }
  }

  @Test
  void eventStreamErrorAndUnfinishedStreamAreExceptions() {
    fx.sim.enqueue("start", Scripted.sse("event: starting\ndata: {\"data\":{\"status\":"
        + "\"starting\"}}\n\nevent: error\ndata: {\"data\":{\"status\":\"error\",\"error\":"
        + "\"Failed to launch browser\"}}\n\n"));
    fx.sim.enqueue("start", Scripted.sse("event: starting\ndata: {\"data\":{\"status\":"
        + "\"starting\"}}\n\n"));
    fx.sim.enqueue("start", Scripted.sse("event: error\ndata: {\"data\":{\"status\":\"error\","
        + "\"error\":[{\"path\":\"modelName\",\"message\":\"Required\"}]}}\n\n"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isExactlyInstanceOf(BrowserSessionException.class)
          .hasMessageContaining("Failed to launch browser");
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderProtocolException.class)
          .hasMessageContaining("without a 'finished' or 'error' event");
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOfSatisfying(InvalidSessionRequestException.class,
              e -> assertThat(e.fieldErrors()).containsExactly("modelName: Required"));
    }
  }

  @Test
  void invalidRequestsFailBeforeAnyCall() {
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.builder()
          .maxDuration(Duration.ofSeconds(59)).build()))
          .isInstanceOf(InvalidSessionRequestException.class).hasMessageContaining("60 seconds");
      assertThatThrownBy(() -> p.create(SessionRequest.builder()
          .maxDuration(Duration.ofHours(7)).build()))
          .isInstanceOf(InvalidSessionRequestException.class)
          .hasMessageContaining("21600 seconds");
      assertThatThrownBy(() -> p.create(SessionRequest.builder()
          .idleTimeout(Duration.ofMinutes(5)).build()))
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
              e -> assertThat(e.capability()).hasToString("IDLE_TIMEOUT"));
      assertThatThrownBy(() -> p.create(SessionRequest.builder().headless(true).build()))
          .isInstanceOf(UnsupportedCapabilityException.class);
      assertThatThrownBy(() -> p.create(SessionRequest.builder().region("moon").build()))
          .isInstanceOf(InvalidSessionRequestException.class);
    }
    assertThat(fx.sim.requests()).isEmpty();
  }
}
