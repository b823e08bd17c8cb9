package dev.browsersessions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a vendor's error answer says, read from the common JSON shapes: {@code {message}}, {@code
 * {detail: "..."}}, FastAPI's {@code {detail: [{loc, msg}]}}, {@code {error: "..."}}, {@code
 * {error: [...]}}, {@code {error, issues: [{path, message}]}}, {@code {success: false, message}}
 * and {@code {statusCode, error, message}}. What it says is server text, made one line and bounded
 * by {@link ServerData#text}.
 *
 * @param message the server's message, or a summary of its field errors (one line, bounded)
 * @param fieldErrors per-field messages such as {@code body.url: field required}, possibly empty
 *     (each one line, bounded)
 */
public record ErrorBody(String message, List<String> fieldErrors) {

  /**
   * Copies the field errors.
   *
   * @param message the server's message
   * @param fieldErrors the per-field messages
   */
  public ErrorBody {
    fieldErrors = List.copyOf(fieldErrors);
  }

  /**
   * Reads an error body.
   *
   * @param mapper parses JSON
   * @param body the body, possibly {@code null} or not JSON
   * @return what it says; empty when it is blank, not a JSON object, or has no message
   */
  public static Optional<ErrorBody> parse(ObjectMapper mapper, String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    List<String> fields = new ArrayList<>();
    issues(node.path("detail"), fields);
    issues(node.path("issues"), fields);
    issues(node.path("error"), fields);
    issues(node.path("errors"), fields);
    Optional<String> message =
        text(node.path("message"))
            .or(() -> text(node.path("error")))
            .or(() -> text(node.path("detail")))
            .or(() -> text(node.path("error").path("message")));
    if (message.isEmpty() && fields.isEmpty()) {
      return Optional.empty();
    }
    String detail = text(node.path("detail")).filter(d -> !d.equals(message.orElse(""))).orElse(null);
    String m = message.orElse(String.join("; ", fields));
    if (message.isPresent() && !fields.isEmpty()) {
      m = m + ": " + String.join("; ", fields);
    } else if (detail != null) {
      m = m + " (" + detail + ")";
    }
    return Optional.of(new ErrorBody(ServerData.text(m), fields));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  private static void issues(JsonNode list, List<String> out) {
    if (!list.isArray()) {
      return;
    }
    int n = 0;
    for (JsonNode issue : list) {
      if (++n > 50) {
        break;
      }
      if (issue.isTextual()) {
        out.add(ServerData.text(issue.asText()));
        continue;
      }
      JsonNode path = issue.has("loc") ? issue.path("loc") : issue.path("path");
      String where;
      if (path.isArray()) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        where = String.join(".", parts);
      } else {
        where = path.asText("");
      }
      JsonNode msg = issue.has("msg") ? issue.path("msg") : issue.path("message");
      String what = msg.isMissingNode() ? issue.toString() : msg.asText();
      out.add(ServerData.text(where.isEmpty() ? what : where + ": " + what));
    }
  }
}
