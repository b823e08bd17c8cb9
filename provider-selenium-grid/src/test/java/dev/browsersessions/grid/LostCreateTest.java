package dev.browsersessions.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create whose answer is a 5xx although the Grid started the session: the provider finds the
 * session by the attempt id it carries and stops it (a scripted Grid, since a real one rarely does
 * this on cue).
 */
class LostCreateTest {

  private static final String LOST = "fedcba9876543210fedcba9876543210";
  private static final Pattern ATTEMPT = Pattern.compile("\"attempt\":\"([A-Za-z0-9-]+)\"");

  private HttpServer grid;
  private final AtomicReference<String> attempt = new AtomicReference<>("none");
  private final List<String> deleted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void scriptedGrid() {
    grid = Loopback.server();
    grid.createContext("/session", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (exchange.getRequestMethod().equals("POST")) {
        Matcher m = ATTEMPT.matcher(body);
        attempt.set(m.find() ? m.group(1) : "missing");
        Loopback.json(exchange, 500, "{\"value\":{\"error\":\"unknown error\",\"message\":\"node went"
            + " away while answering\\nBuild info: ...\"}}");
      } else if (exchange.getRequestMethod().equals("DELETE")) {
        deleted.add(exchange.getRequestURI().getPath().substring("/session/".length()));
        Loopback.json(exchange, 200, "{\"value\":null}");
      } else {
        Loopback.json(exchange, 404, "{\"value\":{\"error\":\"invalid session id\",\"message\":\"x\"}}");
      }
    });
    grid.createContext("/graphql", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String caps = "{\\\"browserName\\\":\\\"chrome\\\",\\\"browsersessions:options\\\":"
          + "{\\\"attempt\\\":\\\"" + attempt.get() + "\\\"}}";
      Loopback.json(exchange, 200, "{\"data\":{\"sessionsInfo\":{\"sessions\":[{\"id\":\"" + LOST
          + "\",\"capabilities\":\"" + caps + "\",\"nodeId\":\"n1\","
          + "\"sessionDurationMillis\":\"5\"}]}}}");
    });
  }

  @AfterEach
  void stop() {
    grid.stop(0);
  }

  private BrowserSessionProvider provider(String policy) {
    return SeleniumGridProviderFactory.provider(SeleniumGridSettings.builder()
        .url(Loopback.url(grid))
        .lostCreate(policy)
        .build());
  }

  @Test
  void theSessionAFailedCreateStartedIsFoundAndStopped() {
    try (BrowserSessionProvider provider = provider("stop")) {
      ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
          () -> provider.create(SessionRequest.defaults()));
      assertThat(e).hasMessageContaining("node went away").hasMessageNotContaining("Build info")
          .hasMessageContaining("started session '" + LOST + "' anyway")
          .hasMessageContaining("found and stopped");
      assertThat(e.isOutcomeUnknown()).isTrue();
      assertThat(deleted).containsExactly(LOST);
    }
  }

  @Test
  void reportNamesTheSessionAndStopsNothing() {
    try (BrowserSessionProvider provider = provider("report")) {
      ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
          () -> provider.create(SessionRequest.defaults()));
      assertThat(e).hasMessageContaining(LOST);
      assertThat(deleted).isEmpty();
    }
  }
}
