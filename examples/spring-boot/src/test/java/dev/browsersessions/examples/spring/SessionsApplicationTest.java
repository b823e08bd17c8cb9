package dev.browsersessions.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.fake.FakeProviders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the example service on a free loopback port, as a user would run it, and checks what it
 * promises: sessions over HTTP, the health endpoint, the browser.sessions.* meters, and no
 * session left running after shutdown.
 */
class SessionsApplicationTest {

  private static final String INSTANCE = "spring-example";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeProvider fake =
      FakeProviders.register(INSTANCE, FakeProvider.builder().build());
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void unregister() {
    FakeProviders.unregister(INSTANCE);
  }

  @Test
  void servesSessionsHealthAndMetricsAndStopsItsSessionsOnShutdown() throws Exception {
    ConfigurableApplicationContext app =
        SpringApplication.run(
            SessionsApplication.class,
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--browsersessions.fake.instance=" + INSTANCE);
    String id;
    try {
      String base =
          "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();

      HttpResponse<String> started = send(base, "POST", "/sessions");
      assertThat(started.statusCode()).isEqualTo(201);
      id = JSON.readTree(started.body()).get("id").asText();
      assertThat(send(base, "POST", "/sessions").statusCode()).isEqualTo(201);
      assertThat(send(base, "DELETE", "/sessions/" + id).statusCode()).isEqualTo(200);
      assertThat(send(base, "DELETE", "/sessions/fake-unknown").statusCode()).isEqualTo(404);
      id = JSON.readTree(send(base, "POST", "/sessions").body()).get("id").asText();

      JsonNode health = JSON.readTree(send(base, "GET", "/actuator/health").body());
      assertThat(health.at("/status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/browserSessions/status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/browserSessions/details/provider").asText())
          .isEqualTo("fake");
      assertThat(health.at("/components/browserSessions/details/openSessions").asInt())
          .isEqualTo(2);

      JsonNode open = JSON.readTree(
          send(base, "GET", "/actuator/metrics/browser.sessions.open?tag=provider:fake").body());
      assertThat(open.at("/measurements/0/value").asDouble()).isEqualTo(2.0);
      JsonNode starts = JSON.readTree(send(base, "GET",
          "/actuator/metrics/browser.sessions.calls?tag=operation:start&tag=outcome:success")
          .body());
      assertThat(starts.at("/measurements/0/statistic").asText()).isEqualTo("COUNT");
      assertThat(starts.at("/measurements/0/value").asDouble()).isEqualTo(3.0);
      assertThat(starts.at("/availableTags").findValuesAsText("tag"))
          .contains("provider", "exception")
          .doesNotContain("session.id", "browser.sessions.session.id");
    } finally {
      app.close();
    }
    assertThat(fake.sessions()).hasSize(3).allMatch(s -> s.isTerminal());
    assertThat(fake.session(id).orElseThrow().isTerminal())
        .as("the session still open at shutdown was stopped").isTrue();
  }

  private HttpResponse<String> send(String base, String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(10))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
