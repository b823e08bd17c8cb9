package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What vendors' error answers say, read from their shapes: one bounded line each. */
class ErrorBodyTest {

  private final ObjectMapper mapper = VendorHttp.newMapper();

  @Test
  void readsEveryDocumentedShape() {
    assertThat(ErrorBody.parse(mapper, "{\"message\":\"Rate limit exceeded\","
        + "\"detail\":\"Please wait\"}")).get()
        .satisfies(b -> assertThat(b.message()).isEqualTo("Rate limit exceeded (Please wait)"));
    assertThat(ErrorBody.parse(mapper, "{\"detail\":\"Session not found\"}")).get()
        .satisfies(b -> assertThat(b.message()).isEqualTo("Session not found"));
    assertThat(ErrorBody.parse(mapper, "{\"detail\":[{\"loc\":[\"body\",\"x\"],\"msg\":\"bad\"}]}"))
        .get().satisfies(b -> assertThat(b.fieldErrors()).containsExactly("body.x: bad"));
    assertThat(ErrorBody.parse(mapper, "{\"success\":false,\"message\":\"nope\"}")).get()
        .satisfies(b -> assertThat(b.message()).isEqualTo("nope"));
    assertThat(ErrorBody.parse(mapper, "{\"error\":\"Invalid\",\"issues\":[{\"path\":[\"a\"],"
        + "\"message\":\"Required\"}]}")).get()
        .satisfies(b -> assertThat(b.message()).isEqualTo("Invalid: a: Required"));
    assertThat(ErrorBody.parse(mapper, "{\"error\":[{\"path\":\"b\",\"message\":\"too big\"}]}"))
        .get().satisfies(b -> assertThat(b.fieldErrors()).containsExactly("b: too big"));
    assertThat(ErrorBody.parse(mapper, "{\"statusCode\":429,\"error\":\"Too Many Requests\","
        + "\"message\":\"max concurrent sessions\"}")).get()
        .satisfies(b -> assertThat(b.message()).isEqualTo("max concurrent sessions"));
  }

  @Test
  void whatTheServerSaysIsOneBoundedLine() {
    String longLine = "y".repeat(3 * ServerData.MAX_TEXT);
    ErrorBody b = ErrorBody.parse(mapper, "{\"message\":\"bad\\r\\nX-Injected: 1\\u2028"
        + longLine + "\",\"detail\":[{\"loc\":[\"a\\nb\"],\"msg\":\"" + longLine + "\"}]}")
        .orElseThrow();
    assertThat(b.message()).startsWith("bad  X-Injected: 1 yyy").doesNotContain("\n", "\r")
        .hasSize(ServerData.MAX_TEXT + 1).endsWith("…");
    assertThat(b.fieldErrors()).singleElement().asString().startsWith("a b: yyy")
        .hasSize(ServerData.MAX_TEXT + 1);
    HttpFailure f = new HttpFailure(500, "GET", "/x", java.util.Map.of(),
        "<html>\n<b>down</b>\u001b[2J" + longLine, java.util.Optional.empty());
    assertThat(f.said()).startsWith("<html> <b>down</b> yyy").doesNotContain("\n", "\u001b", "[2J")
        .hasSize(HttpFailure.MAX_SAID + 1);
  }

  @Test
  void blankNonJsonAndMessagelessBodiesSayNothing() {
    assertThat(ErrorBody.parse(mapper, null)).isEmpty();
    assertThat(ErrorBody.parse(mapper, "  ")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "<html>502</html>")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "[1,2]")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "{\"status\":500}")).isEmpty();
  }
}
