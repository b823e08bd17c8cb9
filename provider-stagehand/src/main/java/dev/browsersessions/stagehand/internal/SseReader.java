package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.http.ServerData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a Stagehand {@code text/event-stream} answer to its outcome. Frames are {@code event:
 * <status>} and {@code data: {"data": {...}, "type": ..., "id": ...}}, ending with a blank line;
 * {@code starting}, {@code connected} and {@code running} are progress, {@code finished} carries
 * the answer in {@code data.result}, {@code error} a failure in {@code data.error} (a string, or a
 * list of {@code {path, message}} for validation errors).
 *
 * <p>Tolerant: CR, LF and CRLF line ends, comments, several {@code data:} lines, a frame without
 * {@code event:} (its {@code data.status} names it), a payload without the {@code data} wrapper,
 * and a last frame without the closing blank line. A stream that ends without {@code finished} or
 * {@code error} is a {@link ProviderProtocolException}.
 */
public final class SseReader {

  /** The largest frame accepted, in characters, so a runaway stream cannot exhaust memory. */
  public static final int MAX_FRAME_CHARS = 4 * 1024 * 1024;

  private final Supplier<ObjectMapper> mapper;
  private final String provider;

  /**
   * Creates a reader.
   *
   * @param mapper parses the frames' JSON (asked for on first use)
   * @param provider the provider's name, for exceptions
   */
  public SseReader(Supplier<ObjectMapper> mapper, String provider) {
    this.mapper = mapper;
    this.provider = provider;
  }

  /**
   * Reads frames until the outcome.
   *
   * @param stream the response body; not closed here
   * @return the {@code result} of the {@code finished} frame ({@code NullNode} when it has none)
   * @throws BrowserSessionException for an {@code error} frame ({@link
   *     InvalidSessionRequestException} when it lists field errors)
   * @throws ProviderProtocolException when the stream ends without an outcome or a frame is not
   *     JSON
   */
  public JsonNode readResult(Reader stream) {
    BufferedReader in = stream instanceof BufferedReader b ? b : new BufferedReader(stream);
    String event = null;
    StringBuilder data = new StringBuilder();
    boolean hasData = false;
    List<String> seen = new ArrayList<>();
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (hasData) {
            JsonNode outcome = dispatch(event, data.toString(), seen);
            if (outcome != null) {
              return outcome;
            }
          }
          event = null;
          data.setLength(0);
          hasData = false;
          continue;
        }
        if (line.startsWith(":")) {
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        if (field.equals("event")) {
          event = value.trim();
        } else if (field.equals("data")) {
          if (hasData) {
            data.append('\n');
          }
          data.append(value);
          hasData = true;
          if (data.length() > MAX_FRAME_CHARS) {
            throw protocol(
                "an event-stream frame is longer than " + MAX_FRAME_CHARS + " characters", null);
          }
        }
        // id:, retry: and unknown fields carry nothing Stagehand uses.
      }
      if (hasData) {
        JsonNode outcome = dispatch(event, data.toString(), seen);
        if (outcome != null) {
          return outcome;
        }
      }
    } catch (IOException e) {
      throw new ProviderProtocolException(
          "Stagehand's event stream broke off after " + describe(seen) + ": " + e.getMessage(),
          provider, 200, null, e);
    }
    throw protocol(
        "Stagehand's event stream ended without a 'finished' or 'error' event (seen: "
            + describe(seen) + ")",
        null);
  }

  private JsonNode dispatch(String event, String json, List<String> seen) {
    JsonNode frame;
    try {
      frame = mapper.get().readTree(json);
    } catch (JsonProcessingException e) {
      throw protocol("an event-stream frame is not JSON", json);
    }
    if (frame == null || !frame.isObject()) {
      throw protocol("an event-stream frame is not a JSON object", json);
    }
    JsonNode payload = frame.path("data").isObject() ? frame.get("data") : frame;
    String name = event == null || event.isEmpty() || event.equals("message")
        ? payload.path("status").asText("")
        : event;
    seen.add(name.isEmpty() ? "(unnamed)" : ServerData.text(name));
    if (name.equals("finished")) {
      return payload.path("result").isMissingNode()
          ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
          : payload.get("result");
    }
    if (name.equals("error")) {
      throw errorEvent(payload.path("error"), payload.path("message"));
    }
    return null;
  }

  private BrowserSessionException errorEvent(JsonNode error, JsonNode message) {
    if (error.isArray()) {
      List<String> fields = new ArrayList<>();
      for (JsonNode issue : error) {
        String path = issue.path("path").isArray()
            ? joinPath(issue.path("path"))
            : issue.path("path").asText("");
        String text = issue.path("message").asText(issue.toString());
        fields.add(ServerData.text(path.isEmpty() ? text : path + ": " + text));
      }
      return InvalidSessionRequestException.refused(
          "Stagehand rejected the request: " + String.join("; ", fields), provider, 0, fields);
    }
    String text = error.isTextual() ? error.asText()
        : message.isTextual() ? message.asText()
        : error.isMissingNode() ? "(no message)" : error.toString();
    return new BrowserSessionException("Stagehand reported an error in its event stream: "
        + ServerData.text(text), provider, 0, false, null);
  }

  private static String joinPath(JsonNode path) {
    List<String> parts = new ArrayList<>();
    path.forEach(p -> parts.add(p.asText()));
    return String.join(".", parts);
  }

  private static String describe(List<String> seen) {
    return seen.isEmpty() ? "no events" : String.join(", ", seen);
  }

  private ProviderProtocolException protocol(String what, String body) {
    return ProviderProtocolException.unusable(
        "Stagehand answered text/event-stream but " + what, provider, 200, body);
  }
}
