package dev.browsersessions.notte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.internal.NotteProvider;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire for each operation, and how every documented answer is read. */
class NotteWireTest {

  private static final String KEY = "nk-SECRET-42";
  private final ObjectMapper json = new ObjectMapper();
  private final MutableClock clock = MutableClock.of(Instant.parse("2026-08-07T10:00:00Z"));
  private NotteSimulator sim;
  private NotteProvider notte;

  @BeforeEach
  void start() throws IOException {
    sim = new NotteSimulator(clock, KEY);
    notte = provider(Map.of());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private ProviderConfig.Builder config(Map<String, String> extra) {
    ProviderConfig.Builder b = ProviderConfig.builder()
        .put("api-key", KEY).put("base-url", sim.baseUrl().toString())
        .put("retry-initial-backoff", "1ms").put("retry-max-backoff", "5ms")
        .put("stop-poll-interval", "1ms").put("stop-confirm-timeout", "2s");
    extra.forEach(b::put);
    return b;
  }

  private NotteProvider provider(Map<String, String> extra) {
    return NotteProviders.create(config(extra).build(), clock, clock::advance);
  }

  private JsonNode body(int i) throws IOException {
    return json.readTree(sim.received.get(i).body());
  }

  @Test
  void startSendsTheDocumentedBodyWithBearerAuthAndRoundsMinutesUp() throws IOException {
    SessionInfo info = notte.create(SessionRequest.builder()
        .idleTimeout(Duration.ofSeconds(90)).maxDuration(Duration.ofMinutes(60))
        .headless(true).viewport(1280, 1080).userAgent("ua/1")
        .proxy(ProxySettings.managed("US")).solveCaptchas(true)
        .providerOption("browser_type", "chrome").build());
    NotteSimulator.Received r = sim.received.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/sessions/start");
    assertThat(r.headers().get("Authorization")).containsExactly("Bearer " + KEY);
    assertThat(r.headers().get("Content-type")).singleElement().asString()
        .startsWith("application/json");
    assertThat(r.headers().get("User-agent")).singleElement().asString()
        .startsWith("browser-sessions/");
    assertThat(body(0)).isEqualTo(json.readTree("{\"idle_timeout_minutes\":2,"
        + "\"max_duration_minutes\":60,\"headless\":true,\"viewport_width\":1280,"
        + "\"viewport_height\":1080,\"user_agent\":\"ua/1\",\"proxies\":[{\"type\":\"notte\","
        + "\"country\":\"us\"}],\"solve_captchas\":true,\"browser_type\":\"chrome\"}"));
    assertThat(info.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(info.idleTimeout()).contains(Duration.ofMinutes(2));
    assertThat(info.maxDuration()).contains(Duration.ofMinutes(60));
    assertThat(info.cdpUrl()).contains(URI.create("wss://cdp.sim/" + info.id()));
    assertThat(info.createdAt()).contains(Instant.parse("2026-08-07T10:00:00Z"));
    assertThat(info.attributes()).containsKey("future_field").containsEntry("notte.status",
        "active");
    assertThat(sim.received).hasSize(1);
  }

  @Test
  void defaultsSendOnlyWhatWasAskedPlusAnExplicitNoCaptchaSolving() throws IOException {
    notte.create(SessionRequest.defaults());
    assertThat(body(0)).isEqualTo(json.readTree("{\"solve_captchas\":false}"));
  }

  @Test
  void proxiesMapToTrueOrProxyObjects() throws IOException {
    notte.create(SessionRequest.builder().proxy(ProxySettings.managed()).build());
    notte.create(SessionRequest.builder()
        .proxy(ProxySettings.external("http://p:3128", "u", "pw")).build());
    assertThat(body(0).get("proxies").asBoolean()).isTrue();
    assertThat(body(1).get("proxies")).isEqualTo(json.readTree(
        "[{\"type\":\"external\",\"server\":\"http://p:3128\",\"username\":\"u\","
            + "\"password\":\"pw\"}]"));
  }

  @Test
  void outOfRangeDurationsFailBeforeAnyCallNamingTheLimit() {
    assertThatThrownBy(() -> notte.create(SessionRequest.builder()
        .idleTimeout(Duration.ofMinutes(31)).build()))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class,
            e -> assertThat(e.field()).contains("idleTimeout"))
        .hasMessageContaining("1 to 30 minutes");
    assertThatThrownBy(() -> notte.create(SessionRequest.builder()
        .maxDuration(Duration.ofHours(25)).build()))
        .hasMessageContaining("1 to 1440 minutes");
    assertThatThrownBy(() -> notte.create(SessionRequest.builder().region("eu").build()))
        .isInstanceOf(UnsupportedCapabilityException.class);
    assertThat(sim.received).isEmpty();
  }

  @Test
  void statusAndStopUseTheDocumentedPathsAndStopIsIdempotent() {
    SessionInfo s = notte.create(SessionRequest.defaults());
    assertThat(notte.status(s.id()).status()).isEqualTo(SessionStatus.ACTIVE);
    SessionInfo first = notte.stop(s.id());
    SessionInfo again = notte.stop(s.id());
    assertThat(first.status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(first.closedAt()).isPresent();
    assertThat(again.status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(sim.received).extracting(r -> r.method() + " " + r.path())
        .containsExactly("POST /sessions/start", "GET /sessions/" + s.id(),
            "DELETE /sessions/" + s.id() + "/stop", "DELETE /sessions/" + s.id() + "/stop");
  }

  @Test
  void aStopAnswerThatIsNotTerminalIsConfirmedByReadingTheStatus() {
    sim.stopLag = 3;
    SessionInfo s = notte.create(SessionRequest.defaults());
    assertThat(notte.stop(s.id()).status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(sim.received.stream().filter(r -> r.method().equals("GET")).count())
        .isEqualTo(3);
  }

  @Test
  void aStopNeverConfirmedSaysSoWithTheLastStatus() {
    sim.stopLag = 1_000_000;
    NotteProvider impatient = provider(Map.of("stop-confirm-timeout", "50ms"));
    SessionInfo s = impatient.create(SessionRequest.defaults());
    assertThatThrownBy(() -> impatient.stop(s.id()))
        .isInstanceOfSatisfying(StopNotConfirmedException.class, e -> {
          assertThat(e.lastStatus()).isEqualTo(SessionStatus.ACTIVE);
          assertThat(e.sessionId()).isEqualTo(s.id());
          assertThat(e.isRetryable()).isTrue();
        });
  }

  @Test
  void aStopAnsweredAlreadyStoppedReturnsTheTerminalState() {
    SessionInfo s = notte.create(SessionRequest.defaults());
    sim.end(s.id(), "closed");
    sim.inject("DELETE", "/sessions/" + s.id() + "/stop", 400,
        "{\"message\":\"Session already stopped\"}");
    assertThat(notte.stop(s.id()).status()).isEqualTo(SessionStatus.CLOSED);
  }

  @Test
  void unknownIdsAreNotFoundForStatusAndStop() {
    assertThatThrownBy(() -> notte.status("nope")).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> notte.stop("nope")).isInstanceOf(SessionNotFoundException.class);
  }

  @Test
  void listWalksEveryPageAndFiltersOnTheClient() {
    NotteProvider paged = provider(Map.of("page-size", "2"));
    for (int i = 0; i < 5; i++) {
      paged.create(SessionRequest.defaults());
    }
    SessionInfo stopped = paged.create(SessionRequest.defaults());
    paged.stop(stopped.id());
    sim.received.clear();
    assertThat(paged.list(SessionFilter.active())).hasSize(5);
    assertThat(sim.received).extracting(NotteSimulator.Received::query).containsExactly(
        "page=1&page_size=2&only_active=true", "page=2&page_size=2&only_active=true",
        "page=3&page_size=2&only_active=true");
    assertThat(paged.list(SessionFilter.all())).hasSize(6);
    assertThat(paged.list(SessionFilter.withStatus(SessionStatus.CLOSED)))
        .extracting(SessionInfo::id).containsExactly(stopped.id());
  }

  @Test
  void aBareArrayListIsAccepted() {
    sim.inject("GET", "/sessions", 200, "[{\"session_id\":\"a\",\"status\":\"active\"}]");
    assertThat(notte.list(SessionFilter.all())).extracting(SessionInfo::id).containsExactly("a");
  }

  @Test
  void missingUrlsComeFromTheDebugEndpoint() {
    sim.omitCdpUrl = true;
    SessionInfo s = notte.create(SessionRequest.defaults());
    assertThat(s.cdpUrl()).contains(URI.create("wss://cdp.sim/" + s.id()));
    assertThat(s.liveViewUrl()).contains(URI.create("https://console.sim/sessions/" + s.id()));
    assertThat(sim.received).extracting(NotteSimulator.Received::path)
        .contains("/sessions/" + s.id() + "/debug");
  }

  @Test
  void statusOfAnActiveSessionWithBothUrlsIsOneRequest() {
    SessionInfo s = notte.create(SessionRequest.defaults());
    sim.received.clear();
    SessionInfo read = notte.status(s.id());
    assertThat(read.cdpUrl()).contains(URI.create("wss://cdp.sim/" + s.id()));
    assertThat(read.liveViewUrl()).contains(URI.create("https://viewer.sim/" + s.id()));
    assertThat(sim.received).extracting(NotteSimulator.Received::path)
        .containsExactly("/sessions/" + s.id());
  }

  @Test
  void extrasKeepTheirJsonShapeAndOversizedOnesAreCut() {
    String big = "x".repeat(3000);
    sim.inject("GET", "/sessions/x9", 200, "{\"session_id\":\"x9\",\"status\":\"active\","
        + "\"steps\":[{\"a\":1,\"b\":[true,null,\"t\"]}],\"huge\":[\"" + big + "\"],"
        + "\"long_text\":\"" + big + "\",\"n\":2.5,\"nothing\":null,"
        + "\"cdp_url\":\"wss://c\",\"viewer_url\":\"https://v\"}");
    SessionInfo i = notte.status("x9");
    assertThat(i.attributes().get("steps"))
        .isEqualTo(List.of(Map.of("a", 1, "b", java.util.Arrays.asList(true, null, "t"))));
    assertThat(i.attributes().get("huge")).asString().startsWith("[\"xxx").endsWith("…")
        .hasSize(2049);
    assertThat(i.attributes().get("long_text")).asString().hasSize(2049);
    assertThat(i.attributes()).containsEntry("n", 2.5).doesNotContainKey("nothing");
    assertThatThrownBy(() -> ((List<?>) i.attributes().get("steps")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void responsesAreReadTolerantly() {
    sim.inject("GET", "/sessions/x1", 200, "{\"session_id\":\"x1\",\"status\":\"paused\","
        + "\"created_at\":\"2026-08-07T10:00:00.123456\",\"closed_at\":\"2026-08-07T12:00:00+02:00\","
        + "\"duration\":\"P1DT5S\",\"idle_timeout_minutes\":\"oops\",\"extra\":[1,2]}");
    SessionInfo i = notte.status("x1");
    assertThat(i.status()).isEqualTo(SessionStatus.UNKNOWN);
    assertThat(i.attributes()).containsEntry("notte.status", "paused").containsKey("extra")
        .containsEntry("duration", Duration.parse("P1DT5S"));
    assertThat(i.createdAt()).contains(Instant.parse("2026-08-07T10:00:00.123456Z"));
    assertThat(i.closedAt()).contains(Instant.parse("2026-08-07T10:00:00Z"));
    assertThat(i.idleTimeout()).isEmpty();
  }

  @Test
  void answersWithoutIdOrStatusOrNotJsonAreProtocolErrors() {
    sim.inject("GET", "/sessions/x2", 200, "{\"status\":\"active\"}");
    sim.inject("GET", "/sessions/x3", 200, "{\"session_id\":\"x3\"}");
    sim.inject("GET", "/sessions/x4", 200, "<html>oops</html>");
    sim.inject("GET", "/sessions/x5", 200, "");
    assertThatThrownBy(() -> notte.status("x2")).isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("session_id");
    assertThatThrownBy(() -> notte.status("x3")).isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> notte.status("x4")).isInstanceOf(ProviderProtocolException.class);
    assertThatThrownBy(() -> notte.status("x5")).isInstanceOf(ProviderProtocolException.class);
  }

  @Test
  void documentedErrorAnswersMapToTheirExceptionsWithoutTheKey() {
    sim.inject("POST", "/sessions/start", 422, "{\"message\":\"Validation error\",\"detail\":"
        + "[{\"loc\":[\"body\",\"url\"],\"msg\":\"field required\",\"type\":\"value_error\"}]}");
    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class,
            e -> assertThat(e.fieldErrors()).containsExactly("body.url: field required"));
    NotteProvider wrongKey = NotteProviders.create(ProviderConfig.builder()
        .put("api-key", "wrong").put("base-url", sim.baseUrl().toString()).build());
    assertThatThrownBy(() -> wrongKey.status("x"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Authentication failed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong").doesNotContain(KEY));
    for (int i = 0; i < 4; i++) {
      sim.inject("GET", "/sessions/y", 529, "{\"message\":\"Cluster overloaded\"}");
    }
    assertThatThrownBy(() -> notte.status("y"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("Cluster overloaded");
    sim.inject(new NotteSimulator.Injected("POST", "/sessions/start", 429,
        "{\"message\":\"Rate limit exceeded\",\"detail\":\"Please wait\"}",
        Map.of("Retry-After", "0")));
    sim.inject(new NotteSimulator.Injected("POST", "/sessions/start", 429,
        "{\"message\":\"Rate limit exceeded\"}", Map.of("Retry-After", "0")));
    sim.inject(new NotteSimulator.Injected("POST", "/sessions/start", 429,
        "{\"message\":\"Rate limit exceeded\"}", Map.of("Retry-After", "0")));
    sim.inject(new NotteSimulator.Injected("POST", "/sessions/start", 429,
        "{\"message\":\"Rate limit exceeded\"}", Map.of("Retry-After", "0")));
    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void aCreateThatFailedWith500IsNotRetriedButA503Is() {
    sim.inject("POST", "/sessions/start", 500, "{\"message\":\"boom\"}");
    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class);
    // one start, then a look for a session it may have started anyway
    assertThat(sim.received).extracting(NotteSimulator.Received::path)
        .containsExactly("/sessions/start", "/sessions");
    sim.received.clear();
    sim.inject("POST", "/sessions/start", 503, "");
    assertThat(notte.create(SessionRequest.defaults()).status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(sim.received).hasSize(2);
  }

  @Test
  void statusRetriesTransientFailures() {
    SessionInfo s = notte.create(SessionRequest.defaults());
    sim.inject("GET", "/sessions/" + s.id(), 502, "bad gateway");
    sim.inject("GET", "/sessions/" + s.id(), 503, "");
    assertThat(notte.status(s.id()).status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void missingApiKeyFailsAtFactoryTimeNamingBothPlaces() {
    assertThatThrownBy(() -> NotteProviders.create(ProviderConfig.builder()
        .environment(Map.of()).build()))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("api-key").hasMessageContaining("NOTTE_API_KEY");
    assertThatThrownBy(() -> NotteProviders.create(ProviderConfig.builder()
        .put("api-key", "k").put("base-url", "http://api.example").build()))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("allow-insecure");
  }

  @Test
  void theProviderIsFoundByNameAndConfiguredFromTheVendorVariables() {
    ProviderConfig config = ProviderConfig.builder()
        .environment(Map.of("NOTTE_API_KEY", KEY, "NOTTE_API_URL", sim.baseUrl().toString()))
        .build();
    try (BrowserSessions sessions = BrowserSessions.create("notte", config)) {
      assertThat(sessions.provider()).isEqualTo("notte");
      assertThat(sessions.start(SessionRequest.defaults()).info().status())
          .isEqualTo(SessionStatus.ACTIVE);
    }
    assertThat(sim.activeCount()).isZero();
  }

  @Test
  void cookiesAgentStopAndLegacyClose(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    NotteExtras extras = NotteExtras.create(config(Map.of()).build(), clock, clock::advance);
    SessionInfo s = extras.provider().create(SessionRequest.defaults());
    extras.setCookies(s.id(), List.of(Map.of("name", "a", "value", "1", "domain", "x.com",
        "path", "/", "httpOnly", true)));
    Path file = dir.resolve("cookies.json");
    assertThat(extras.stopSavingCookies(s.id(), file).status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(Files.readString(file)).contains("\"httpOnly\" : true");

    SessionInfo s2 = extras.createWithCookies(SessionRequest.defaults(), file);
    NotteSimulator.Received set = sim.received.get(sim.received.size() - 1);
    assertThat(set.method() + " " + set.path()).isEqualTo("POST /sessions/" + s2.id() + "/cookies");
    assertThat(set.body()).contains("\"name\":\"a\"");
    assertThat(extras.cookies(s2.id())).singleElement()
        .satisfies(c -> assertThat(c).containsEntry("name", "a").containsEntry("httpOnly", true));

    sim.inject("DELETE", "/agents/ag1/stop", 200, "{\"agent_id\":\"ag1\",\"session_id\":\""
        + s2.id() + "\",\"status\":\"closed\",\"created_at\":\"2026-08-07T10:00:00\","
        + "\"task\":\"t\",\"success\":false,\"answer\":null}");
    AgentStatus agent = extras.stopAgent("ag1", s2.id());
    assertThat(agent.state()).isEqualTo(AgentStatus.State.CLOSED);
    assertThat(agent.success()).contains(false);
    assertThat(sim.received.get(sim.received.size() - 1).query()).isEqualTo("session_id=" + s2.id());

    NotteProvider legacy = provider(Map.of("legacy-close", "true"));
    sim.inject("POST", "/session/close", 200, "{\"session_id\":\"" + s2.id()
        + "\",\"error\":\"cannot close\"}");
    assertThatThrownBy(() -> legacy.stop(s2.id())).hasMessageContaining("cannot close");
    assertThat(json.readTree(sim.received.get(sim.received.size() - 1).body()))
        .isEqualTo(json.readTree("{\"session_id\":\"" + s2.id() + "\"}"));
    notte.stop(s2.id());
  }

  @Test
  void toStringShowsNoSecretAndCapabilitiesAreNotteOnes() {
    assertThat(notte.toString()).doesNotContain(KEY);
    assertThat(notte.capabilities())
        .contains(dev.browsersessions.Capability.LIST, dev.browsersessions.Capability.CDP_URL)
        .doesNotContain(dev.browsersessions.Capability.REGION,
            dev.browsersessions.Capability.METADATA, dev.browsersessions.Capability.RECORDING,
            dev.browsersessions.Capability.KEEP_ALIVE);
  }
}
