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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The floor: the same requests the providers send (same method, path, query and JSON body),
 * written by hand with {@link HttpClient} and Jackson, decoding only the fields a caller needs.
 * The protocol steps the vendors require (Notte paging, Stagehand end then Browserbase release and
 * status reads) are kept, since any client must make them.
 */
public final class BareClients {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  /** Notte's start body as provider-notte sends it for {@code SessionRequest.defaults()}. */
  public static final String NOTTE_START = "{\"solve_captchas\":false}";
  /** Notte list page size, provider-notte's default {@code page-size}. */
  private static final int PAGE_SIZE = 100;
  private static final String OWNER = UUID.randomUUID().toString();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String browserbase;

  /**
   * A bare client for one server (Notte, or Stagehand and Browserbase on the same port).
   *
   * @param base the server's base URL
   */
  public BareClients(URI base) {
    this(base, base);
  }

  /**
   * A bare client for Stagehand and Browserbase on two servers.
   *
   * @param base the Notte or Stagehand server
   * @param browserbase the Browserbase server
   */
  public BareClients(URI base, URI browserbase) {
    this.base = base.toString();
    this.browserbase = browserbase.toString();
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
   * One page of Notte's {@code GET /sessions}.
   *
   * @param items the sessions
   * @param hasNext whether another page follows
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NottePage(@JsonProperty("items") List<NotteSession> items,
      @JsonProperty("has_next") boolean hasNext) {
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

    boolean running() {
      return "RUNNING".equals(status) || "PENDING".equals(status);
    }
  }

  /**
   * Stagehand's {@code POST /v1/sessions/start} answer.
   *
   * @param data the session
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StagehandStart(@JsonProperty("data") Data data) {

    /**
     * The started session.
     *
     * @param id the session id
     * @param cdpUrl the CDP URL
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(@JsonProperty("sessionId") String id,
        @JsonProperty("cdpUrl") String cdpUrl) {
    }
  }

  /**
   * Notte {@code GET /sessions/{id}}.
   *
   * @param id the session
   * @return the session
   */
  public NotteSession notteStatus(String id) {
    return send(notte("/sessions/" + id).GET().build(), NotteSession.class);
  }

  /**
   * Notte {@code POST /sessions/start} with provider-notte's default body.
   *
   * @return the session
   */
  public NotteSession notteStart() {
    return send(notte("/sessions/start").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(NOTTE_START)).build(), NotteSession.class);
  }

  /**
   * Notte {@code DELETE /sessions/{id}/stop}.
   *
   * @param id the session
   * @return the session
   */
  public NotteSession notteStop(String id) {
    return send(notte("/sessions/" + id + "/stop").DELETE().build(), NotteSession.class);
  }

  /**
   * Every Notte session, page by page (100 per page) until {@code has_next} is false.
   *
   * @return the sessions
   */
  public List<NotteSession> notteList() {
    List<NotteSession> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      NottePage p = send(notte("/sessions?page=" + page + "&page_size=" + PAGE_SIZE
          + "&only_active=false").GET().build(), NottePage.class);
      all.addAll(p.items());
      if (!p.hasNext()) {
        return all;
      }
    }
  }

  /**
   * Stagehand {@code POST /v1/sessions/start} with the body provider-stagehand sends for
   * {@code SessionRequest.defaults()} (owner tag and a fresh request tag included).
   *
   * @return the session id
   */
  public String stagehandStart() {
    return send(stagehand("/v1/sessions/start").header("Content-Type", "application/json")
        .header("x-stream-response", "false")
        .POST(HttpRequest.BodyPublishers.ofString(stagehandStartBody())).build(),
        StagehandStart.class).data().id();
  }

  /**
   * The JSON provider-stagehand sends to start a session for {@code SessionRequest.defaults()}.
   *
   * @return the body, with this process's owner tag and a fresh request tag
   */
  public static String stagehandStartBody() {
    return "{\"modelName\":\"openai/gpt-5.4-mini\",\"browserbaseSessionCreateParams\":"
        + "{\"browserSettings\":{\"solveCaptchas\":false,\"recordSession\":false},"
        + "\"userMetadata\":{\"browser-sessions-owner\":\"" + OWNER + "\","
        + "\"browser-sessions-request\":\"" + UUID.randomUUID() + "\"}}}";
  }

  /**
   * Browserbase {@code GET /v1/sessions/{id}}.
   *
   * @param id the session
   * @return the session
   */
  public BrowserbaseSession browserbaseStatus(String id) {
    return send(bb("/v1/sessions/" + id).GET().build(), BrowserbaseSession.class);
  }

  /**
   * Stops a Stagehand session as the vendors require: Stagehand {@code end}, a Browserbase status
   * read, then (if still running) {@code REQUEST_RELEASE} and status reads every {@code poll}
   * until it has ended.
   *
   * @param id the session
   * @param poll the wait between status reads
   * @return the final state
   */
  public BrowserbaseSession stagehandStop(String id, Duration poll) {
    send(stagehand("/v1/sessions/" + id + "/end").header("x-stream-response", "false")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), Object.class);
    BrowserbaseSession s = browserbaseStatus(id);
    if (s.running()) {
      BrowserbaseSession answer = send(bb("/v1/sessions/" + id)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"REQUEST_RELEASE\"}")).build(),
          BrowserbaseSession.class);
      s = answer.status() == null ? s : answer;
    }
    while (s.running()) {
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      s = browserbaseStatus(id);
    }
    return s;
  }

  /**
   * Browserbase {@code GET /v1/sessions}: every session, one request.
   *
   * @return the sessions
   */
  public List<BrowserbaseSession> browserbaseList() {
    return List.of(send(bb("/v1/sessions").GET().build(), BrowserbaseSession[].class));
  }

  private HttpRequest.Builder notte(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("Authorization", "Bearer " + Vendors.KEY);
  }

  private HttpRequest.Builder stagehand(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("x-bb-api-key", Vendors.KEY);
  }

  private HttpRequest.Builder bb(String path) {
    return HttpRequest.newBuilder(URI.create(browserbase + path))
        .header("Accept", "application/json").header("x-bb-api-key", Vendors.KEY);
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
