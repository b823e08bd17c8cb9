package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.http.ScriptedServer.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole 2xx answer of the wrong shape is a {@link ProviderProtocolException} with a bounded,
 * redacted excerpt of the body: no Jackson exception, type or message reaches the caller.
 */
class ShapeErrorTest {

  private static final String KEY = "sk-shape-test-0123456789";

  private ScriptedServer server;
  private VendorHttp http;
  private TestApi api;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    http = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("2s")).redact(KEY).build();
    api = http.client(TestApi.class, server.base(), r -> { });
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[1, 2, 3]",
      "\"a string\"",
      "42",
      "{\"id\": \"" + KEY + "\", \"nested\": {\"a\": [1, {\"b\": }",
      "{\"a\": 1} trailing",
      "{\"a\": \"\\uZZZZ\"}",
      "{\"a\": \"" + "x" + "\"} {\"b\": [" + "\"" + KEY + "\"]}"})
  void aBodyOfTheWrongShapeIsAProtocolErrorWithoutJacksonInIt(String body) {
    String padded = body + " ".repeat(2000) + KEY;
    server.then(Answer.of(200, padded));
    Throwable t = catchThrowable(() -> http.calls().read(() -> api.get("a")));
    assertThat(t).isInstanceOf(ProviderProtocolException.class);
    ProviderProtocolException e = (ProviderProtocolException) t;
    assertThat(e.bodyExcerpt()).hasValueSatisfying(x -> assertThat(x)
        .hasSizeLessThanOrEqualTo(ProviderProtocolException.MAX_EXCERPT + 3)
        .doesNotContain(KEY));
    List<Throwable> chain = new ArrayList<>();
    collect(t, chain);
    assertThat(chain).allSatisfy(c -> {
      assertThat(c.getClass().getName()).doesNotContain("jackson").doesNotStartWith("feign.");
      assertThat(String.valueOf(c.getMessage())).doesNotContain("jackson")
          .doesNotContain("com.fasterxml").doesNotContain(KEY);
    });
  }

  private static void collect(Throwable t, List<Throwable> out) {
    if (t == null || out.contains(t) || out.size() > 20) {
      return;
    }
    out.add(t);
    collect(t.getCause(), out);
    for (Throwable s : t.getSuppressed()) {
      collect(s, out);
    }
  }
}
