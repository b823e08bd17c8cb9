package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile session ids are refused before any request, and hostile configuration is refused
 * naming the key.
 */
class HostileInputTest {

  static final List<String> IDS = hostileIds();

  static List<String> hostileIds() {
    List<String> ids = new ArrayList<>(Arrays.asList("../x", "a/b", "%2e%2e", "?x=1", "#", "a\r\nb",
        "a\nX-Injected: 1", "", " ", "..", ".", "a%2fb", "a\\b", "\u0000", "x".repeat(10_000), null));
    return ids;
  }

  static Stream<Arguments> idCases() {
    List<Arguments> all = new ArrayList<>();
    for (String p : List.of("notte", "stagehand")) {
      for (String op : List.of("status", "stop", "attach")) {
        for (int i = 0; i < IDS.size(); i++) {
          all.add(Arguments.of(p, op, i));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} id#{2}")
  @MethodSource("idCases")
  void hostileIdsNeverReachTheServer(String provider, String op, int index) throws Exception {
    String id = IDS.get(index);
    try (Target t = Target.of(provider);
        BrowserSessions client = t.client()) {
      int before = t.receivedPaths.get().size();
      Throwable e = catchThrowable(() -> {
        switch (op) {
          case "status" -> client.status(id);
          case "stop" -> client.stop(id);
          default -> client.attach(id);
        }
      });
      assertThat(e).as("id %s", id == null ? "null" : id.length() > 20 ? "10 kB" : id)
          .isInstanceOf(InvalidSessionRequestException.class);
      assertThat(t.receivedPaths.get()).hasSize(before);
    }
  }

  static Stream<Arguments> badConfig() {
    return Stream.of(
        Arguments.of("notte", "base-url", "http://api.example.com", "base-url"),
        Arguments.of("stagehand", "stagehand-url", "http://api.example.com", "stagehand-url"),
        Arguments.of("notte", "request-timeout", "-1s", "request-timeout"),
        Arguments.of("notte", "connect-timeout", "PT9999H", "connect-timeout"),
        Arguments.of("notte", "max-retries", "-3", "max-retries"),
        Arguments.of("notte", "max-retries", "1000000", "max-retries"),
        Arguments.of("notte", "retry-initial-backoff", "-5ms", "retry-initial-backoff"),
        Arguments.of("notte", "stop-confirm-timeout", "-1s", "stop-confirm-timeout"),
        Arguments.of("notte", "page-size", "0", "page-size"),
        Arguments.of("stagehand", "request-timeout", "0s", "request-timeout"),
        Arguments.of("stagehand", "stop-timeout", "-1s", "stop-timeout"),
        Arguments.of("stagehand", "max-retries", "-1", "max-retries"),
        Arguments.of("stagehand", "retry-max-backoff", "99999d", "retry-max-backoff"));
  }

  @ParameterizedTest(name = "{0} {1}={2}")
  @MethodSource("badConfig")
  void hostileConfigIsRefusedNamingTheKey(String provider, String key, String value,
      String named) throws Exception {
    try (Target t = Target.of(provider)) {
      Throwable e = catchThrowable(
          () -> BrowserSessions.create(provider, t.config().put(key, value).build()).close());
      assertThat(e).isInstanceOf(ProviderConfigurationException.class);
      assertThat(e.getMessage()).contains(named);
    }
  }

  /** Found by this suite, fixed in provider-stagehand (commit 13111f1). */
  @org.junit.jupiter.api.Test
  void insecureBrowserbaseUrlIsRefused() throws Exception {
    hostileConfigIsRefusedNamingTheKey("stagehand", "browserbase-url", "http://api.example.com",
        "browserbase-url");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("insecureAllowed")
  void insecureUrlsAreAcceptedWhenAllowed(String provider, String key) throws Exception {
    try (Target t = Target.of(provider)) {
      BrowserSessions.create(provider, t.config().put(key, "http://api.example.com")
          .put("allow-insecure", "true").build()).close();
    }
  }

  static Stream<Arguments> insecureAllowed() {
    return Stream.of(Arguments.of("notte", "base-url"), Arguments.of("stagehand", "browserbase-url"));
  }
}
