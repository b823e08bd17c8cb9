package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.QuotaExceededException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.http.ScriptedServer.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VendorHttpTest {

  private static final String KEY = "sk-test-SECRET-123";

  private ScriptedServer server;
  private VendorHttp http;
  private TestApi api;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
    http = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("1s")).redact(KEY).build();
    api = http.client(TestApi.class, server.base(), Map.of("Authorization", "Bearer " + KEY));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, InvalidSessionRequestException.class, false),
        Arguments.of(422, InvalidSessionRequestException.class, false),
        Arguments.of(401, AuthenticationException.class, false),
        Arguments.of(403, AuthenticationException.class, false),
        Arguments.of(402, QuotaExceededException.class, false),
        Arguments.of(408, dev.browsersessions.RequestTimeoutException.class, true),
        Arguments.of(429, RateLimitedException.class, true),
        Arguments.of(500, ProviderUnavailableException.class, true),
        Arguments.of(502, ProviderUnavailableException.class, true),
        Arguments.of(503, ProviderUnavailableException.class, true),
        Arguments.of(529, ProviderUnavailableException.class, true),
        Arguments.of(409, BrowserSessionException.class, false));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void eachStatusMapsToItsExceptionWithTheServersMessageAndNoSecret(
      int status, Class<? extends BrowserSessionException> type, boolean retryable) {
    for (int i = 0; i < 3; i++) {
      server.then(Answer.of(status, "{\"message\":\"said " + status + "\"}"));
    }
    assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of("a", 1))))
        .isExactlyInstanceOf(type)
        .satisfies(e -> {
          BrowserSessionException b = (BrowserSessionException) e;
          assertThat(b.isRetryable()).isEqualTo(retryable);
          assertThat(b.httpStatus()).hasValue(status);
          assertThat(b.provider()).contains("t");
          assertThat(b.getMessage()).contains("said " + status).contains("POST /things")
              .doesNotContain(KEY);
        });
  }

  @Test
  void aKeyTheServerEchoesBackIsRedactedFromMessagesAndExcerpts() {
    server.then(Answer.of(401, "{\"message\":\"invalid token Bearer " + KEY + "\"}"));
    server.then(Answer.of(200, "{broken " + KEY));
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("invalid token Bearer ****")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOfSatisfying(ProviderProtocolException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(KEY);
          assertThat(e.bodyExcerpt()).get().asString().doesNotContain(KEY).contains("****");
        });
  }

  @Test
  void validationErrorsCarryTheFieldMessages() {
    server.then(Answer.of(422, "{\"message\":\"Validation error\",\"detail\":[{\"loc\":"
        + "[\"body\",\"idle_timeout_minutes\"],\"msg\":\"less than or equal to 30\"}]}"));
    assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of())))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class, e -> {
          assertThat(e.fieldErrors()).containsExactly(
              "body.idle_timeout_minutes: less than or equal to 30");
          assertThat(e.getMessage()).contains("Validation error");
        });
  }

  @Test
  void notFoundOnASessionPathNamesTheSession() {
    server.then(Answer.of(404, "{\"detail\":\"Session not found\"}"));
    assertThatThrownBy(() -> http.calls().session("abc", () -> api.get("abc")))
        .isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
          assertThat(e.sessionId()).isEqualTo("abc");
          assertThat(e.httpStatus()).hasValue(404);
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(server.received).hasSize(1);
  }

  @Test
  void plainTextAndEmptyErrorBodiesAreQuoted() {
    server.then(Answer.of(500, "upstream exploded", Map.of("Content-Type", "text/plain")));
    server.then(Answer.of(401, ""));
    assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of())))
        .hasMessageContaining("upstream exploded");
    assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of())))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("(no body)");
  }

  @Test
  void anUndecodableSuccessIsAProtocolErrorWithABoundedExcerpt() {
    server.then(Answer.of(200, "{not json" + "x".repeat(5000)));
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOfSatisfying(ProviderProtocolException.class, e -> {
          assertThat(e.httpStatus()).hasValue(200);
          assertThat(e.bodyExcerpt()).get().asString()
              .hasSizeLessThanOrEqualTo(ProviderProtocolException.MAX_EXCERPT + 1);
        });
  }

  @Test
  void readsRetryTransientFailuresThenSucceed() {
    server.then(Answer.of(503, "{}")).then(Answer.of(429, "{}")).then(Answer.of(200, "{\"ok\":1}"));
    assertThat(http.calls().read(() -> api.get("a"))).containsEntry("ok", 1);
    assertThat(server.received).hasSize(3);
  }

  @Test
  void readsGiveUpAfterMaxRetries() {
    for (int i = 0; i < 5; i++) {
      server.then(Answer.of(502, "{}"));
    }
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(server.received).hasSize(3); // 1 + max-retries 2
  }

  @Test
  void nonRetryableFailuresAreNotRetried() {
    server.then(Answer.of(400, "{}")).then(Answer.of(200, "{}"));
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOf(InvalidSessionRequestException.class);
    assertThat(server.received).hasSize(1);
  }

  @Test
  void createRetries429And503ButNeverA500ThatMayHaveStartedASession() {
    server.then(Answer.of(429, "{}")).then(Answer.of(503, "{}")).then(Answer.of(200, "{\"id\":1}"));
    assertThat(http.calls().create(() -> api.create(Map.of()))).containsEntry("id", 1);
    assertThat(server.received).hasSize(3);

    server.received.clear();
    server.then(Answer.of(500, "{}")).then(Answer.of(200, "{}"));
    assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of())))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(server.received).hasSize(1);
  }

  @Test
  void createIsNotRetriedAfterATimeoutButAReadIs() {
    server.then(Answer.hanging());
    assertThatThrownBy(() -> http.calls().create(() -> api.create(Map.of())))
        .isInstanceOfSatisfying(ProviderUnavailableException.class,
            e -> assertThat(VendorCalls.noSessionStarted(e)).isFalse());
    assertThat(server.received).hasSize(1);
  }

  @Test
  void refusedConnectionsProveNoSessionStartedAndAreRetried() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    TestApi closed = http.client(TestApi.class, URI.create("http://127.0.0.1:" + port), Map.of());
    assertThatThrownBy(() -> http.calls().create(() -> closed.create(Map.of())))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(VendorCalls.noSessionStarted(e)).isTrue();
          assertThat(e.isOutcomeUnknown()).as("never sent: the vendor did nothing").isFalse();
        });
  }

  @Test
  void retryAfterIsHonouredUpToTheCap() {
    HttpSettings s = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3,
        Duration.ofMillis(10), Duration.ofSeconds(2), false, Duration.ofSeconds(45));
    assertThat(VendorCalls.delayFor(
        new RateLimitedException("x", "t", 429, Duration.ofMillis(700)), s))
        .isEqualTo(Duration.ofMillis(700));
    assertThat(VendorCalls.delayFor(
        new RateLimitedException("x", "t", 429, Duration.ofSeconds(60)), s))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(VendorCalls.delayFor(new RateLimitedException("x", "t", 429, null), s))
        .isNegative();
    assertThat(VendorCalls.delayFor(
        new ProviderUnavailableException("x", "t", 503, null), s)).isNegative();
  }

  @Test
  void rateLimitCarriesRetryAfterFromTheHeaders() {
    server.then(Answer.of(429, "{}", Map.of("Retry-After", "0")));
    server.then(Answer.of(429, "{}", Map.of("Retry-After", "0")));
    server.then(Answer.of(429, "{}", Map.of("Retry-After", "0")));
    assertThatThrownBy(() -> http.calls().read(() -> api.get("a")))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ZERO));
  }

  @Test
  void requestsCarryTheUserAgentAndTheAuthHeaderOnly() {
    server.then(Answer.of(200, "{}"));
    http.calls().read(() -> api.get("a-b_c.d~e"));
    ScriptedServer.Received r = server.received.get(0);
    assertThat(r.path()).isEqualTo("/things/a-b_c.d~e");
    assertThat(r.headers().get("User-agent")).singleElement().asString()
        .startsWith("browser-sessions/");
    assertThat(r.headers().get("Authorization")).containsExactly("Bearer " + KEY);
    assertThat(r.query()).isNull();
  }

  @Test
  void buildingAClientStartsNothingUntilItsFirstCall() {
    long before = selectorThreads();
    VendorHttp fresh = VendorHttp.builder("t", "Vendor", http.settings()).build();
    TestApi lazy = fresh.client(TestApi.class, server.base(), Map.of());
    assertThat(selectorThreads()).isLessThanOrEqualTo(before);
    assertThat(lazy.toString()).contains("TestApi").contains(server.base().toString());

    server.then(Answer.of(200, "{\"ok\":1}"));
    assertThat(fresh.calls().read(() -> lazy.get("a"))).containsEntry("ok", 1);
    assertThat(selectorThreads()).isGreaterThan(0);
  }

  /** The threads {@code java.net.http.HttpClient} starts when it is built. */
  private static long selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager"))
        .count();
  }
}
