package dev.browsersessions.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"success\":false,\"message\":\"Missing required model name\"}|Missing required model name",
      "{\"message\":\"Session not found\"}|Session not found",
      "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"limit reached\"}|limit reached",
      "{\"error\":\"Unauthorized\"}|Unauthorized",
      "{\"error\":\"Internal Server Error\",\"statusCode\":500}|Internal Server Error",
      "{\"code\":422,\"message\":\"bad viewport\"}|bad viewport",
      "{\"success\":false,\"error\":\"nope\",\"code\":\"E1\"}|nope"})
  void everyDocumentedShapeYieldsTheServersMessage(String body, String message) {
    assertThat(ErrorBody.parse(mapper, body)).get()
        .extracting(ErrorBody::message).isEqualTo(message);
  }

  @Test
  void fastifyValidationIssuesBecomeFieldErrors() {
    ErrorBody e = ErrorBody.parse(mapper, "{\"error\":\"Request validation failed\",\"issues\":"
        + "[{\"code\":\"invalid_type\",\"path\":[\"browserbaseSessionCreateParams\",\"timeout\"],"
        + "\"message\":\"Expected number\"}]}").orElseThrow();
    assertThat(e.fieldErrors())
        .containsExactly("browserbaseSessionCreateParams.timeout: Expected number");
    assertThat(e.message())
        .isEqualTo("Request validation failed: browserbaseSessionCreateParams.timeout: Expected number");
  }

  @Test
  void zodErrorListBecomesFieldErrors() {
    ErrorBody e = ErrorBody.parse(mapper,
        "{\"error\":[{\"path\":\"url\",\"message\":\"Required\"},{\"path\":\"options\","
            + "\"message\":\"Invalid\"}]}").orElseThrow();
    assertThat(e.fieldErrors()).isEqualTo(List.of("url: Required", "options: Invalid"));
    assertThat(e.message()).isEqualTo("url: Required; options: Invalid");
  }

  @Test
  void nonJsonBlankAndMessagelessBodiesYieldNothing() {
    assertThat(ErrorBody.parse(mapper, "<html>502</html>")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "")).isEmpty();
    assertThat(ErrorBody.parse(mapper, null)).isEmpty();
    assertThat(ErrorBody.parse(mapper, "{\"success\":false}")).isEmpty();
    assertThat(ErrorBody.parse(mapper, "[1,2]")).isEmpty();
  }
}
