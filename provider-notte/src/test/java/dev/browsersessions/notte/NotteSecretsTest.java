package dev.browsersessions.notte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.internal.NotteProvider;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.sim.LogCapture;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * With every logger at its most verbose and every error path taken, the API key appears in no
 * log record, standard output or error, exception message, stack trace or {@code toString()}.
 */
class NotteSecretsTest {

  private static final String KEY = "nk-live-7f3c9a11-SECRET";

  @Test
  void theApiKeyNeverLeaks() throws Exception {
    LogCapture capture = LogCapture.logsAndConsole();
    List<String> seen = new ArrayList<>();
    try (NotteSimulator sim = new NotteSimulator(MutableClock.startingNow(), KEY)) {
      ProviderConfig config = ProviderConfig.builder().put("api-key", KEY)
          .put("base-url", sim.baseUrl().toString()).put("retry-initial-backoff", "1ms")
          .put("retry-max-backoff", "2ms").put("stop-confirm-timeout", "20ms")
          .put("stop-poll-interval", "1ms").build();
      seen.add(config.toString());
      NotteProvider notte = NotteProviders.create(config);
      seen.add(notte.toString());
      try (BrowserSessions sessions = BrowserSessions.of(notte)) {
        seen.add(sessions.toString());
        seen.add(sessions.start(SessionRequest.defaults()).toString());
        for (int status : new int[] {400, 401, 402, 403, 404, 408, 422, 429, 500, 503, 529}) {
          // A server that echoes the key back: it must be redacted. 429 and 503 are retried.
          int answers = status == 429 || status == 503 ? 4 : 1;
          for (int i = 0; i < answers; i++) {
            sim.inject("POST", "/sessions/start", status,
                "{\"message\":\"bad token Bearer " + KEY + "\"}");
          }
          seen.add(failure(() -> sessions.start(SessionRequest.defaults())));
        }
        sim.inject("GET", "/sessions/bad", 200, "{not json " + KEY);
        seen.add(failure(() -> sessions.status("bad")));
        seen.add(failure(() -> sessions.status("../etc/passwd")));
        seen.add(failure(() -> sessions.stop("unknown-id")));
        sim.stopLag = 1_000_000;
        String id = sessions.start(SessionRequest.defaults()).id();
        seen.add(failure(() -> sessions.stop(id)));
        sim.stopLag = 0;
      }
      NotteProvider wrong = NotteProviders.create(ProviderConfig.builder().put("api-key", KEY + "x")
          .put("base-url", sim.baseUrl().toString()).build());
      seen.add(failure(() -> wrong.status("abc")));
      seen.add(failure(() -> NotteProviders.create(ProviderConfig.builder().put("api-key", KEY)
          .put("base-url", "http://not-loopback.example").build())));
      seen.add(failure(() -> NotteProviders.create(ProviderConfig.builder().put("api-key", KEY)
          .put("request-timeout", "-1s").build())));
    } finally {
      capture.close();
    }
    seen.add(capture.text());
    assertThat(seen).hasSizeGreaterThan(15);
    assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(KEY));
  }

  private static String failure(Supplier<?> call) {
    try {
      return "no failure: " + call.get();
    } catch (RuntimeException e) {
      return e + "\n" + LogCapture.trace(e);
    }
  }
}
