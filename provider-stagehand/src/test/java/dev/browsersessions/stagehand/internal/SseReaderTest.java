package dev.browsersessions.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private final SseReader reader = new SseReader(ObjectMapper::new, "stagehand");

  private JsonNode read(String stream) {
    return reader.readResult(new StringReader(stream));
  }

  @Test
  void finishedEventsResultIsTheAnswerAfterProgressEvents() {
    String stream = """
        event: starting
        data: {"data":{"status":"starting"},"type":"system","id":"0b6f7c3e"}

        event: connected
        data: {"data":{"status":"connected"},"type":"system","id":"5d0c8f6a"}

        event: running
        data: {"data":{"status":"running","message":{"category":"action","message":"x","level":1}},"type":"log","id":"7e2f"}

        event: finished
        data: {"data":{"status":"finished","result":{"sessionId":"s-1","available":true},"actionId":"9c1d"},"type":"system","id":"a4b3"}

        """;
    assertThat(read(stream).path("sessionId").asText()).isEqualTo("s-1");
  }

  @Test
  void toleratesCrlfCommentsMultiLineDataAndAMissingEventField() {
    String stream = ": keep-alive\r\n"
        + "data: {\"data\":{\"status\":\"finished\",\r\n"
        + "data: \"result\":{\"ok\":1}},\"type\":\"system\",\"id\":\"x\"}\r\n\r\n";
    assertThat(read(stream).path("ok").asInt()).isEqualTo(1);
  }

  @Test
  void lastFrameWithoutClosingBlankLineStillCounts() {
    assertThat(read("event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":7}}")
        .asInt()).isEqualTo(7);
  }

  @Test
  void payloadWithoutDataWrapperIsAccepted() {
    assertThat(read("event: finished\ndata: {\"status\":\"finished\",\"result\":\"r\"}\n\n")
        .asText()).isEqualTo("r");
  }

  @Test
  void errorEventWithTextBecomesAnExceptionWithTheServersMessage() {
    String stream = "event: starting\ndata: {\"data\":{\"status\":\"starting\"}}\n\n"
        + "event: error\ndata: {\"data\":{\"status\":\"error\",\"error\":\"Browser crashed\"},"
        + "\"type\":\"system\",\"id\":\"e\"}\n\n";
    assertThatThrownBy(() -> read(stream))
        .isExactlyInstanceOf(BrowserSessionException.class)
        .hasMessageContaining("Browser crashed");
  }

  @Test
  void errorEventWithValidationIssuesNamesTheFields() {
    String stream = "event: error\ndata: {\"data\":{\"status\":\"error\",\"error\":"
        + "[{\"path\":\"modelName\",\"message\":\"Required\"}]}}\n\n";
    assertThatThrownBy(() -> read(stream))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class,
            e -> assertThat(e.fieldErrors()).containsExactly("modelName: Required"))
        .hasMessageContaining("modelName: Required");
  }

  @Test
  void streamEndingWithoutOutcomeIsAProtocolError() {
    String stream = "event: starting\ndata: {\"data\":{\"status\":\"starting\"}}\n\n"
        + "event: connected\ndata: {\"data\":{\"status\":\"connected\"}}\n\n";
    assertThatThrownBy(() -> read(stream))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("without a 'finished' or 'error' event")
        .hasMessageContaining("starting, connected");
  }

  @Test
  void emptyStreamIsAProtocolError() {
    assertThatThrownBy(() -> read("")).isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("no events");
  }

  @Test
  void frameThatIsNotJsonIsAProtocolErrorWithTheExcerpt() {
    assertThatThrownBy(() -> read("event: finished\ndata: <html>\n\n"))
        .isInstanceOfSatisfying(ProviderProtocolException.class,
            e -> assertThat(e.bodyExcerpt()).contains("<html>"));
  }

  @Test
  void unknownEventsAreIgnored() {
    String stream = "event: heartbeat\ndata: {\"data\":{\"status\":\"heartbeat\"}}\n\n"
        + "event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":true}}\n\n";
    assertThat(read(stream).asBoolean()).isTrue();
  }
}
