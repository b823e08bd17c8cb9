package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.stagehand.sim.Scripted;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented error body, on both APIs, becomes the right exception with its message. */
class StagehandErrorWireTest {

  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  static Stream<Arguments> startErrors() {
    return Stream.of(
        Arguments.of(400, "{\"success\":false,\"message\":\"Missing required model name\"}",
            InvalidSessionRequestException.class, "Missing required model name"),
        Arguments.of(400, "{\"error\":\"Request validation failed\",\"issues\":[{\"code\":"
                + "\"invalid_type\",\"path\":[\"modelName\"],\"message\":\"Required\"}]}",
            InvalidSessionRequestException.class, "modelName: Required"),
        Arguments.of(400, "{\"error\":[{\"path\":\"browserbaseSessionCreateParams\","
                + "\"message\":\"Invalid\"}]}",
            InvalidSessionRequestException.class, "browserbaseSessionCreateParams: Invalid"),
        Arguments.of(400, "{\"error\":\"Browserbase API key and resolved project ID are required"
                + " for browserbase sessions\"}",
            InvalidSessionRequestException.class, "resolved project ID"),
        Arguments.of(401, "{\"success\":false,\"message\":\"Unauthorized\"}",
            AuthenticationException.class, "Unauthorized"),
        Arguments.of(401, "{\"error\":\"Unauthorized\"}", AuthenticationException.class,
            "Unauthorized"),
        Arguments.of(403, "{\"statusCode\":403,\"error\":\"Forbidden\",\"message\":"
                + "\"Project is not allowed to use proxies\"}",
            AuthenticationException.class, "not allowed to use proxies"),
        Arguments.of(500, "{\"success\":false,\"message\":\"An internal server error occurred\"}",
            ProviderUnavailableException.class, "An internal server error occurred"),
        Arguments.of(500, "{\"error\":\"Response validation failed\"}",
            ProviderUnavailableException.class, "Response validation failed"),
        Arguments.of(503, "<html>Service Unavailable</html>",
            ProviderUnavailableException.class, "503"));
  }

  @ParameterizedTest(name = "start {0} {1}")
  @MethodSource("startErrors")
  void startErrorBodies(int status, String body, Class<? extends Throwable> type, String text) {
    for (int i = 0; i < 5; i++) { // enough for every retry
      fx.sim.enqueue("start", Scripted.json(status, body));
    }
    try (BrowserSessionProvider p = fx.provider()) {
      Throwable t = catchThrowable(() -> p.create(SessionRequest.defaults()));
      assertThat(t).isInstanceOf(type).hasMessageContaining(text);
      assertThat(((BrowserSessionException) t).httpStatus()).hasValue(status);
      assertThat(((BrowserSessionException) t).provider()).contains("stagehand");
    }
  }

  @Test
  void maxConcurrentSessions429IsARateLimitThatSaysSo() {
    fx.sim.maxConcurrent(1);
    try (BrowserSessionProvider p = fx.provider()) {
      p.create(SessionRequest.defaults());
      Throwable t = catchThrowable(() -> p.create(SessionRequest.defaults()));
      assertThat(t).isInstanceOfSatisfying(RateLimitedException.class, e -> {
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.httpStatus()).hasValue(429);
      }).hasMessageContaining("max concurrent sessions");
    }
    // One session started; the refused create was retried but never started a second one.
    assertThat(fx.sim.requests("start")).hasSizeGreaterThan(1);
  }

  @Test
  void retryAfterIsReported() {
    for (int i = 0; i < 5; i++) {
      fx.sim.enqueue("start", Scripted.json(429, "{\"statusCode\":429,\"error\":"
          + "\"Too Many Requests\",\"message\":\"slow down\"}").withHeader("Retry-After", "0"));
    }
    try (BrowserSessionProvider p = fx.provider()) {
      Throwable t = catchThrowable(() -> p.create(SessionRequest.defaults()));
      assertThat(t).isInstanceOfSatisfying(RateLimitedException.class,
          e -> assertThat(e.retryAfter()).contains(Duration.ZERO)).hasMessageContaining("slow down");
    }
  }

  @Test
  void transientStartFailureIsRetried() {
    fx.sim.enqueue("start", Scripted.json(429, "{\"statusCode\":429,\"error\":"
        + "\"Too Many Requests\",\"message\":\"Session Creation Limit\"}"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThat(p.create(SessionRequest.defaults()).id()).isNotBlank();
    }
    assertThat(fx.sim.requests("start")).hasSize(2);
  }

  @Test
  void browserbaseErrorBodiesOnStatus() {
    fx.sim.enqueue("get", Scripted.json(401, "{\"statusCode\":401,\"error\":\"Unauthorized\","
        + "\"message\":\"Invalid API key\"}"));
    fx.sim.enqueue("get", Scripted.json(404, "{\"code\":404,\"message\":\"Session gone\"}"));
    for (int i = 0; i < 5; i++) {
      fx.sim.enqueue("get", Scripted.json(502, "{\"message\":\"Bad gateway\"}"));
    }
    try (BrowserSessionProvider p = fx.provider()) {
      assertThat(catchThrowable(() -> p.status("s-1")))
          .isInstanceOf(AuthenticationException.class).hasMessageContaining("Invalid API key")
          .hasMessageNotContaining(SimFixture.KEY);
      assertThat(catchThrowable(() -> p.status("s-2")))
          .isInstanceOfSatisfying(SessionNotFoundException.class,
              e -> assertThat(e.sessionId()).isEqualTo("s-2"));
      assertThat(catchThrowable(() -> p.status("s-3")))
          .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("Bad gateway");
    }
    assertThat(fx.sim.requests("get")).hasSizeGreaterThan(3); // 5xx on a read is retried
  }

  @Test
  void unreachableServerIsUnavailable() {
    fx.sim.close();
    try (BrowserSessionProvider p = fx.provider()) {
      assertThat(catchThrowable(() -> p.status("s-1")))
          .isInstanceOfSatisfying(ProviderUnavailableException.class,
              e -> assertThat(e.isRetryable()).isTrue());
    }
  }
}
