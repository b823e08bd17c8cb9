package dev.browsersessions.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The floor: the same requests written by hand with {@link HttpClient} and Jackson, decoding only
 * the fields a caller needs.
 */
public final class BareClients {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  /**
   * A bare client for one server.
   *
   * @param base the server's base URL
   */
  public BareClients(URI base) {
    this.base = base.toString();
  }

  /**
   * A Notte session as a caller needs it.
   *
   * @param id the session id
   * @param status the vendor status
   * @param cdpUrl the CDP URL, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NotteSession(@JsonProperty("session_id") String id,
      @JsonProperty("status") String status, @JsonProperty("cdp_url") String cdpUrl) {
  }

  /**
   * A Browserbase session as a caller needs it.
   *
   * @param id the session id
   * @param status the vendor status
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BrowserbaseSession(@JsonProperty("id") String id,
      @JsonProperty("status") String status) {
  }

  /**
   * Notte {@code GET /sessions/{id}}.
   *
   * @param id the session
   * @return the session
   */
  public NotteSession notteStatus(String id) {
    return send(HttpRequest.newBuilder(URI.create(base + "/sessions/" + id))
        .header("Authorization", "Bearer " + Vendors.KEY).GET().build(), NotteSession.class);
  }

  /**
   * Notte {@code POST /sessions/start}.
   *
   * @return the session
   */
  public NotteSession notteStart() {
    return send(HttpRequest.newBuilder(URI.create(base + "/sessions/start"))
        .header("Authorization", "Bearer " + Vendors.KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"idle_timeout_minutes\":3,\"max_duration_minutes\":15}")).build(),
        NotteSession.class);
  }

  /**
   * Notte {@code DELETE /sessions/{id}/stop}.
   *
   * @param id the session
   * @return the session
   */
  public NotteSession notteStop(String id) {
    return send(HttpRequest.newBuilder(URI.create(base + "/sessions/" + id + "/stop"))
        .header("Authorization", "Bearer " + Vendors.KEY).DELETE().build(), NotteSession.class);
  }

  /**
   * Browserbase {@code GET /v1/sessions/{id}}.
   *
   * @param id the session
   * @return the session
   */
  public BrowserbaseSession browserbaseStatus(String id) {
    return send(HttpRequest.newBuilder(URI.create(base + "/v1/sessions/" + id))
        .header("X-BB-API-Key", Vendors.KEY).GET().build(), BrowserbaseSession.class);
  }

  private <T> T send(HttpRequest request, Class<T> type) {
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("HTTP " + r.statusCode() + " from " + request.uri());
      }
      return JSON.readValue(r.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
