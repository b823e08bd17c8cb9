package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.NotteExtras;
import dev.browsersessions.notte.sim.LogCapture;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.Scripted;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Servers that echo the API key in every encoding (as is, JSON-escaped in full or in part,
 * URL-encoded, base64, inside {@code Basic base64(user:key)}), in error answers and in 2xx
 * answers that carry error text (Stagehand's SSE error event and {@code success:false} start,
 * Notte's legacy-close {@code error} and cookie refusal): the key never appears in a message,
 * stack trace, log or the console.
 */
class SecretEncodingsTest {

  /**
   * The Notte key of these tests: with a '+' and a '=', which URL-encoding changes, so that the
   * {@code URLEncoder} echo differs from the key as is (Target's keys are letters, digits and
   * '-', which it leaves alone).
   */
  static final String NOTTE_KEY = "nk-encodings+9d2e=SECRET";
  /** The Browserbase key of these tests, with the same two characters. */
  static final String BB_KEY = "bb-encodings+41af=SECRET";

  /** The key in each form a server may echo it. */
  static List<String> echoes() {
    return echoesOf(NOTTE_KEY);
  }

  static List<String> echoesOf(String key) {
    byte[] raw = key.getBytes(StandardCharsets.UTF_8);
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      mixed.append(i % 2 == 0 ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    // JSON's other escape of a key character, an escaped slash, needs a '/' in the key
    assertThat(key).as("a key with '/' needs an echo with it escaped").doesNotContain("/");
    List<String> echoes = List.of(
        key,
        // every character a JSON escape (backslash, u, 4 hex digits): the parser reads the key
        key.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat),
        // escaped and plain characters mixed, upper-case hex digits
        mixed.toString(),
        key.chars().mapToObj(c -> String.format("%%%02X", c)).reduce("", String::concat),
        URLEncoder.encode(key, StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(raw),
        Base64.getEncoder().encodeToString(("user:" + key).getBytes(StandardCharsets.UTF_8)));
    assertThat(echoes).as("each encoding a case of its own, none the same text as another")
        .doesNotHaveDuplicates();
    return echoes;
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void notteNeverLeaksTheKey(String echoed) throws Exception {
    String key = NOTTE_KEY;
    List<String> seen = new ArrayList<>();
    String closed;
    LogCapture capture = LogCapture.logsAndConsole();
    try (NotteSimulator sim = new NotteSimulator(new OffsetClock(), key)) {
      Map<String, String> settings = Map.of("api-key", key, "base-url", sim.baseUrl().toString(),
          "max-retries", "0", "legacy-close", "true");
      BrowserSessions client = BrowserSessions.create("notte",
          Target.isolatedConfig(settings).build());
      try {
        String id = client.start(SessionRequest.defaults()).id();
        sim.inject("GET", "/sessions/", 401, "{\"detail\":\"key " + echoed + " is invalid\"}");
        seen.add(failure(() -> client.status(id)));
        sim.inject("POST", "/session/close", 200,
            "{\"success\":false,\"error\":\"cannot close with key " + echoed + "\"}");
        seen.add(failure(() -> client.stop(id)));
        NotteExtras extras = NotteExtras.create(Target.isolatedConfig(settings).build());
        sim.inject("POST", "/sessions/" + id + "/cookies", 200,
            "{\"success\":false,\"message\":\"cookies refused for " + echoed + "\"}");
        seen.add(failure(() -> {
          extras.setCookies(id, List.of(Map.of("name", "a", "value", "b", "domain", "x.org")));
          return "no failure";
        }));
        extras.close();
      } finally {
        closed = failure(() -> {
          client.close();
          return "closed";
        });
      }
    } finally {
      capture.close();
    }
    assertNothingLeaks(seen, capture, key, echoed);
    assertThat(closed).doesNotContain(key).doesNotContain(echoed);
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void stagehandNeverLeaksTheKey(String notteEcho) throws Exception {
    String key = BB_KEY;
    String echoed = echoesOf(key).get(echoes().indexOf(notteEcho));
    List<String> seen = new ArrayList<>();
    LogCapture capture = LogCapture.logsAndConsole();
    try (StagehandSimulator sim = StagehandSimulator.start(key)) {
      sim.releasePolls(0);
      try (BrowserSessions client = BrowserSessions.create("stagehand", Target.isolatedConfig(
          Map.of("api-key", key, "stagehand-url", sim.stagehandUrl().toString(),
              "browserbase-url", sim.browserbaseUrl().toString(), "max-retries", "0",
              "lost-create", "ignore")).build())) {
        sim.enqueue("start", Scripted.sse("event: error\ndata: {\"data\":{\"status\":\"error\","
            + "\"error\":\"key " + echoed + " refused\"},\"type\":\"system\"}\n\n"));
        seen.add(failure(() -> client.start(SessionRequest.defaults())));
        sim.enqueue("start", Scripted.json(200, "{\"success\":false,\"message\":\"key " + echoed
            + " refused\"}"));
        seen.add(failure(() -> client.start(SessionRequest.defaults())));
        String id = client.start(SessionRequest.defaults()).id();
        sim.enqueue("get", Scripted.json(403, "{\"message\":\"key " + echoed + "\"}")
            .withHeader("WWW-Authenticate", "Bearer " + echoed));
        seen.add(failure(() -> client.status(id)));
      }
    } finally {
      capture.close();
    }
    assertNothingLeaks(seen, capture, key, echoed);
  }

  private static void assertNothingLeaks(List<String> seen, LogCapture capture, String key,
      String echoed) {
    assertThat(seen).as("every call failed").noneMatch(s -> s.startsWith("no failure"));
    String all = String.join("\n", seen) + "\n" + capture.text();
    assertThat(all).doesNotContain(key).doesNotContain(echoed);
  }

  private static String failure(Supplier<?> s) {
    try {
      return "no failure: " + s.get();
    } catch (RuntimeException e) {
      return e + "\n" + LogCapture.trace(e);
    }
  }
}
