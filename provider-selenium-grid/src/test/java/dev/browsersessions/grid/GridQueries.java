package dev.browsersessions.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the Grid's own view (GraphQL) in tests, independently of the provider. */
final class GridQueries {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GridQueries() {}

  /** How many new-session requests wait in the Grid's queue. */
  static int queueSize(URI grid) {
    return query(grid, "{ grid { sessionQueueSize } }").path("data").path("grid")
        .path("sessionQueueSize").asInt(-1);
  }

  /** How many sessions the Grid runs. */
  static int sessionCount(URI grid) {
    return query(grid, "{ grid { sessionCount } }").path("data").path("grid")
        .path("sessionCount").asInt(-1);
  }

  private static JsonNode query(URI grid, String query) {
    try {
      HttpRequest request = HttpRequest.newBuilder(grid.resolve("/graphql"))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(
              MAPPER.createObjectNode().put("query", query).toString()))
          .build();
      return MAPPER.readTree(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
