package dev.browsersessions.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probe reads a browser's answers as JSON: a CDP endpoint may order and space its fields as
 * it likes, and the word "error" inside a value is not a failed command.
 */
class CdpProbeTest {

  @Test
  void findsTheAnswerIdWhateverTheOrderAndSpacing() {
    assertThat(CdpProbe.answerId("{\"id\":7,\"result\":{}}")).hasValue(7);
    assertThat(CdpProbe.answerId("{ \"id\" : 7 , \"result\" : { } }")).hasValue(7);
    assertThat(CdpProbe.answerId("{\"result\":{\"product\":\"x\"},\"id\":7}")).hasValue(7);
    assertThat(CdpProbe.answerId(
        "{\n  \"sessionId\": \"S\",\n  \"result\": {},\n  \"id\": 12\n}\n")).hasValue(12);
  }

  @Test
  void eventsAndNestedIdsAreNoAnswers() {
    assertThat(CdpProbe.answerId("{\"method\":\"Target.targetCreated\",\"params\":{\"id\":3}}"))
        .isEmpty();
    assertThat(CdpProbe.answerId("{\"result\":{\"id\":3}}")).isEmpty();
    assertThat(CdpProbe.answerId("{\"id\":\"3\"}")).as("a string id is not ours").isEmpty();
    assertThat(CdpProbe.answerId("{\"id\":3")).as("not JSON").isEmpty();
    assertThat(CdpProbe.answerId("[{\"id\":3}]")).as("not an object").isEmpty();
  }

  @Test
  void anErrorAnswerHasATopLevelErrorMember() {
    assertThat(CdpProbe.isError(
        "{\"id\":1,\"error\":{\"code\":-32601,\"message\":\"'Nope' wasn't found\"}}")).isTrue();
    assertThat(CdpProbe.isError(
        "{ \"error\" : { \"code\" : -32000 , \"message\" : \"x\" } , \"id\" : 1 }")).isTrue();
  }

  @Test
  void errorInsideAValueIsNoFailure() {
    String inString = "{\"id\":4,\"result\":{\"result\":{\"type\":\"string\","
        + "\"value\":\"{\\\"error\\\": \\\"none\\\"} \\\"error\\\":\"}}}";
    String inObject = "{\"id\":4,\"result\":{\"result\":{\"type\":\"object\","
        + "\"value\":{\"error\":\"none\"}}}}";
    String inTitle = "{\"id\":2,\"result\":{\"targetInfos\":[{\"targetId\":\"P\","
        + "\"type\":\"page\",\"title\":\"error\",\"url\":\"https://x/?\\\"error\\\":1\"}]}}";
    assertThat(CdpProbe.isError(inString)).isFalse();
    assertThat(CdpProbe.isError(inObject)).isFalse();
    assertThat(CdpProbe.isError(inTitle)).isFalse();
    assertThat(CdpProbe.evaluated(inString)).isEqualTo("{\"error\": \"none\"} \"error\":");
  }

  @Test
  void findsThePageTargetWhateverTheOrderAndSpacing() {
    assertThat(CdpProbe.firstPage("{\"id\":2,\"result\":{\"targetInfos\":["
        + "{\"targetId\":\"A\",\"type\":\"page\",\"title\":\"\"}]}}")).hasValue("A");
    assertThat(CdpProbe.firstPage("{\"result\": {\"targetInfos\": ["
        + "{\"type\": \"service_worker\", \"targetId\": \"SW\"},"
        + "{\"attached\": false, \"type\" : \"page\", \"targetId\" : \"P-1\"},"
        + "{\"type\": \"page\", \"targetId\": \"P-2\"}]}, \"id\": 2}")).hasValue("P-1");
  }

  @Test
  void noPageTargetMeansNone() {
    assertThat(CdpProbe.firstPage("{\"id\":2,\"result\":{\"targetInfos\":[]}}")).isEmpty();
    assertThat(CdpProbe.firstPage("{\"id\":2,\"result\":{\"targetInfos\":["
        + "{\"type\":\"browser\",\"targetId\":\"B\"}]}}")).isEmpty();
    assertThat(CdpProbe.firstPage("{\"id\":2,\"result\":{\"targetInfos\":["
        + "{\"type\":\"page\",\"targetId\":7}]}}")).as("a page without a string id").isEmpty();
  }

  @Test
  void readsFieldsAndValuesWhateverTheSpacing() {
    assertThat(CdpProbe.field("{ \"id\" : 1 , \"result\" : { \"product\" : \"Chrome/120\" } }",
        "product")).isEqualTo("Chrome/120");
    assertThat(CdpProbe.field("{\"sessionId\":\"OUTER\",\"result\":{\"sessionId\":\"INNER\"},"
        + "\"id\":3}", "sessionId")).as("the result's, not the envelope's").isEqualTo("INNER");
    assertThat(CdpProbe.field("{\"result\":{\"userAgent\":\"a \\\"b\\\" \\u00e4\\n\"},\"id\":1}",
        "userAgent")).isEqualTo("a \"b\" ä\n");
    assertThat(CdpProbe.evaluated("{\"result\": {\"result\": {\"value\": 1280, \"type\": "
        + "\"number\"}}, \"id\": 5, \"sessionId\": \"S\"}")).isEqualTo("1280");
    assertThat(CdpProbe.evaluated("{\"id\":5,\"result\":{\"result\":{\"type\":\"string\","
        + "\"value\":\"1280x720\"}}}")).isEqualTo("1280x720");
  }

  @Test
  void aMissingFieldNamesTheAnswer() {
    assertThatThrownBy(() -> CdpProbe.field("{\"id\":1,\"result\":{}}", "product"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("'product'")
        .hasMessageContaining("\"result\"");
    assertThatThrownBy(() -> CdpProbe.evaluated("{\"id\":1,\"result\":{\"result\":"
        + "{\"type\":\"undefined\"}}}")).isInstanceOf(AssertionError.class);
  }

  @Test
  void idsFromTheBrowserAreQuotedIntoTheNextCommand() {
    String odd = "s-\"1\"\\ \n\u0001}";
    Map<String, Object> command = Json.object(
        CdpProbe.command(3, "Runtime.evaluate", "{\"targetId\":" + Json.quote(odd) + "}", odd));
    assertThat(command).as("the command is one JSON object").isNotEmpty();
    assertThat(command.get("sessionId")).isEqualTo(odd);
    assertThat(command.get("id")).isEqualTo(new Json.JsonNumber("3"));
    assertThat(command.get("method")).isEqualTo("Runtime.evaluate");
    assertThat(command.get("params")).isEqualTo(Map.of("targetId", odd));
    assertThat(Json.object(CdpProbe.command(4, "Browser.getVersion", "{}", null)))
        .doesNotContainKey("sessionId").containsEntry("params", Map.of());
  }

  @Test
  void quotedStringsReadBackAsThemselves() {
    for (String s : List.of("", "plain", "a\"b", "back\\slash", "\r\n\t", "\u0000\u001f",
        "ä € \uD83D\uDE00", "</script>")) {
      assertThat(Json.parse(Json.quote(s))).as(s).isEqualTo(s);
    }
  }

  @Test
  void jsonReadsEveryKindOfValue() {
    Object tree = Json.parse(" {\"a\" : [1, -2.5e3, true, false, null, \"\\/\\t\"], \"b\":{}} ");
    assertThat(tree).isEqualTo(Map.of("a", Arrays.asList(new Json.JsonNumber("1"),
        new Json.JsonNumber("-2.5e3"), true, false, null, "/\t"), "b", Map.of()));
  }

  @Test
  void jsonRefusesWhatIsNotJsonWithoutOverflowing() {
    for (String bad : List.of("", "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "01", "1.", "-",
        "\"open", "\"\\x\"", "\"\\u12\"", "{} {}", "tru", "{a:1}")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Json.parse("[".repeat(100_000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper");
    assertThat(Json.object("[]")).isEmpty();
  }
}
