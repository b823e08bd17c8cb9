package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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
  void blankNonJsonAndMessagelessBodiesSayNothing() {
    assertThat(ErrorBody.parse(mapper, null)).isEmpty();
    assertThat(ErrorBody.parse(mapper, "  ")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "<html>502</html>")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "[1,2]")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "{\"status\":500}")).isEmpty();
  }
}
