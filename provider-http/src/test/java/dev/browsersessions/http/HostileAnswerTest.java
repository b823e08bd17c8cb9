package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.http.ScriptedServer.Answer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile answers. A server that echoes the key, in every encoding, in error answers, in
 * successful answers that carry error text, and in headers: the key reaches no message, {@code
 * toString()}, stack trace or decoded value, because the transport redacts every answer before
 * anything reads it. A whole 2xx answer of the wrong shape is a {@link ProviderProtocolException}
 * with a bounded, redacted excerpt of the body: no Jackson exception, type or message reaches the
 * caller.
 */
class HostileAnswerTest {

  private static final String KEY = RedactorTest.KEY;

  private ScriptedServer server;
  private VendorHttp http;
  private TestApi api;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    http = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("2s")).redact(KEY).build();
    api = http.client(TestApi.class, server.base(), Map.of("Authorization", KEY));
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  static List<String> echoes() {
    return RedactorTest.echoes();
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void errorAnswersEchoingTheKeyLeakNothing(String echoed) {
    String body = "{\"message\":\"invalid key " + echoed + "\",\"detail\":[{\"msg\":\"" + echoed
        + "\",\"loc\":[\"" + echoed + "\"]}]}";
    Map<String, String> headers = Map.of("Content-Type", "application/json",
        "WWW-Authenticate", "Bearer realm=\"" + echoed + "\"");
    for (int status : new int[] {400, 401, 404, 422, 500}) {
      server.then(Answer.of(status, body, headers)).then(Answer.of(status, body, headers))
          .then(Answer.of(status, body, headers));
      Throwable t = catchThrowable(() -> http.calls().read(() -> api.get("a")));
      assertThat(t).isInstanceOf(BrowserSessionException.class);
      assertThat(everything(t)).as("status %s", status).doesNotContain(KEY).doesNotContain(echoed);
    }
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void successfulAnswersCarryingErrorTextAreRedactedBeforeDecoding(String echoed) {
    server.then(Answer.of(200, "{\"success\":false,\"message\":\"key " + echoed
        + " refused\",\"error\":\"" + echoed + "\"}"));
    Map<String, Object> answer = http.calls().read(() -> api.get("a"));
    assertThat(String.valueOf(answer)).contains(Redactor.MASK).doesNotContain(KEY)
        .doesNotContain(echoed);
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void anUnreadableAnswerEchoingTheKeyLeaksNothing(String echoed) {
    server.then(Answer.of(200, "{\"id\": \"" + echoed + "\", oops"));
    Throwable t = catchThrowable(() -> http.calls().read(() -> api.get("a")));
    assertThat(t).isInstanceOf(ProviderProtocolException.class);
    assertThat(everything(t)).doesNotContain(KEY).doesNotContain(echoed);
  }

  /** The text as a reader would see it once invisible characters (NUL, BOMs) are left out. */
  private static String visible(String text) {
    return text.replaceAll("[\\p{Cntrl}\\x{FEFF}\\x{FFFD}]", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32"})
  void aKeyEchoedInAnAnswerThatIsNotUtf8LeaksNothing(String encoding) {
    Charset charset = Charset.forName(encoding);
    server.then(Answer.encoded(200, "{\"id\":\"a\",\"echo\":\"" + KEY + "\"}", charset));
    Throwable t = catchThrowable(() -> http.calls().read(() -> api.get("a")));
    assertThat(t).as("JSON is read as UTF-8 (RFC 8259), whatever the answer's charset says")
        .isInstanceOf(ProviderProtocolException.class);
    assertThat(visible(everything(t))).doesNotContain(KEY);

    for (int status : new int[] {400, 404}) {
      server.then(Answer.encoded(status, "{\"message\":\"invalid key " + KEY + "\"}", charset));
      Throwable refused = catchThrowable(() -> http.calls().read(() -> api.get("a")));
      assertThat(refused).isInstanceOf(BrowserSessionException.class);
      assertThat(visible(everything(refused))).as("status %s", status).doesNotContain(KEY)
          .contains("not UTF-8 text");
    }
  }

  @Test
  void aUtf8AnswerNamingAnotherCharsetIsReadAsUtf8() {
    server.then(Answer.of(200, "{\"id\":\"é-1\"}",
        Map.of("Content-Type", "application/json; charset=iso-8859-1")));
    assertThat(http.calls().read(() -> api.get("a"))).containsEntry("id", "é-1");
  }

  @Test
  void aKeyTheJdkRefusesAsAHeaderValueIsNotQuotedInTheFailure() {
    String bad = "sk-line-one\nsecond-line-of-the-key";
    VendorHttp h = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("2s")).redact(bad).build();
    TestApi a = h.client(TestApi.class, server.base(), Map.of("Authorization", bad));
    Throwable t = catchThrowable(() -> h.calls().read(() -> a.get("a")));
    h.close();
    assertThat(t).isInstanceOf(BrowserSessionException.class)
        .hasMessageContaining("Authorization").hasMessageContaining("one line");
    assertThat(everything(t)).doesNotContain("sk-line-one").doesNotContain("second-line");
    assertThat(server.received).isEmpty();
  }

  /** The exception's toString, message and whole stack trace (causes and suppressed). */
  static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return t + "\n" + t.getMessage() + "\n" + w;
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
