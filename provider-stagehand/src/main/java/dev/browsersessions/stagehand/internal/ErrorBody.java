package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an error answer of Stagehand or Browserbase says, from any of its documented shapes: {@code
 * {success:false, message}}, {@code {error, issues:[...]}}, {@code {error:[{path, message}]}},
 * {@code {message}}, {@code {statusCode, error, message}}, {@code {error}} and {@code {code,
 * message}}.
 *
 * @param message the server's message, or a summary of its field errors
 * @param fieldErrors the server's per-field messages ({@code path: message}), possibly empty
 */
public record ErrorBody(String message, List<String> fieldErrors) {

  /** Copies the field errors. */
  public ErrorBody {
    fieldErrors = List.copyOf(fieldErrors);
  }

  /**
   * Reads an error body.
   *
   * @param mapper parses JSON
   * @param body the body, possibly {@code null} or not JSON
   * @return what it says; empty when it is blank or not a JSON object with a message
   */
  public static Optional<ErrorBody> parse(ObjectMapper mapper, String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    List<String> fields = new ArrayList<>();
    issues(node.path("issues"), fields);
    issues(node.path("error"), fields);
    issues(node.path("errors"), fields);
    String message = text(node.path("message"))
        .or(() -> text(node.path("error")))
        .or(() -> text(node.path("detail")))
        .orElse(null);
    if (message == null && fields.isEmpty()) {
      return Optional.empty();
    }
    if (message == null) {
      message = String.join("; ", fields);
    } else if (!fields.isEmpty()) {
      message = message + ": " + String.join("; ", fields);
    }
    return Optional.of(new ErrorBody(message, fields));
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
    for (JsonNode issue : list) {
      if (issue.isTextual()) {
        out.add(issue.asText());
        continue;
      }
      JsonNode path = issue.path("path");
      String where;
      if (path.isArray()) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        where = String.join(".", parts);
      } else {
        where = path.asText("");
      }
      String what = issue.path("message").asText(issue.toString());
      out.add(where.isEmpty() ? what : where + ": " + what);
    }
  }
}
