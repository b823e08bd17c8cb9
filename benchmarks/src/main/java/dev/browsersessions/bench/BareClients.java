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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The floor, and a real competitor: the same requests the providers send (same method, path,
 * query, JSON body and headers: user agent, idempotency key, accept, content type; HTTP/1.1 and a
 * 30 s deadline per request, like provider-http), written by hand with {@link HttpClient} and
 * Jackson, decoding the fields the library maps into the same kinds of values (timestamps into
 * {@link Instant}, timeouts into {@link Duration}, URLs into {@link URI}, metadata into a map).
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

  /** What provider-http sends as {@code User-Agent}. */
  private static final String USER_AGENT = dev.browsersessions.http.VendorHttp.userAgent();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
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
   * A session as a caller needs it, in the kinds of values the library's {@code SessionInfo}
   * holds.
   *
   * @param id the session id
   * @param status the vendor status
   * @param createdAt when it started, or null
   * @param lastActiveAt when it was last used, or null
   * @param closedAt when it ended, or null
   * @param idleTimeout its idle timeout, or null
   * @param maxDuration its longest life, or null
   * @param cdpUrl the CDP URL, or null
   * @param liveViewUrl the live view, or null
   * @param metadata its tags
   */
  public record Session(String id, String status, Instant createdAt, Instant lastActiveAt,
      Instant closedAt, Duration idleTimeout, Duration maxDuration, URI cdpUrl, URI liveViewUrl,
      Map<String, String> metadata) {
  }

  /**
   * A Notte session as the wire has it.
   *
   * @param id the session id
   * @param status the vendor status
   * @param createdAt start time
   * @param lastAccessedAt last use
   * @param closedAt end time
   * @param idleMinutes idle timeout in minutes
   * @param maxMinutes maximum duration in minutes
   * @param cdpUrl the CDP URL, or null
   * @param viewerUrl the live view, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NotteSession(@JsonProperty("session_id") String id,
      @JsonProperty("status") String status, @JsonProperty("created_at") String createdAt,
      @JsonProperty("last_accessed_at") String lastAccessedAt,
      @JsonProperty("closed_at") String closedAt,
      @JsonProperty("idle_timeout_minutes") Integer idleMinutes,
      @JsonProperty("max_duration_minutes") Integer maxMinutes,
      @JsonProperty("cdp_url") String cdpUrl, @JsonProperty("viewer_url") String viewerUrl) {

    Session toSession() {
      return new Session(id, status, instant(createdAt), instant(lastAccessedAt),
          instant(closedAt), minutes(idleMinutes), minutes(maxMinutes), uri(cdpUrl),
          uri(viewerUrl), Map.of());
    }
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
   * A Browserbase session as the wire has it.
   *
   * @param id the session id
   * @param status the vendor status
   * @param createdAt start time
   * @param updatedAt last change
   * @param endedAt end time
   * @param expiresAt when it times out
   * @param connectUrl the CDP URL
   * @param userMetadata its tags
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BrowserbaseSession(@JsonProperty("id") String id,
      @JsonProperty("status") String status, @JsonProperty("createdAt") String createdAt,
      @JsonProperty("updatedAt") String updatedAt, @JsonProperty("endedAt") String endedAt,
      @JsonProperty("expiresAt") String expiresAt, @JsonProperty("connectUrl") String connectUrl,
      @JsonProperty("userMetadata") Map<String, Object> userMetadata) {

    boolean running() {
      return "RUNNING".equals(status) || "PENDING".equals(status);
    }

    Session toSession() {
      Instant created = instant(createdAt);
      Instant expires = instant(expiresAt);
      Map<String, String> tags = new LinkedHashMap<>();
      if (userMetadata != null) {
        userMetadata.forEach((k, v) -> tags.put(k, String.valueOf(v)));
      }
      return new Session(id, status, created, instant(updatedAt), instant(endedAt), null,
          created == null || expires == null ? null : Duration.between(created, expires),
          uri(connectUrl), null, tags);
    }
  }

  static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    char last = text.charAt(text.length() - 1);
    boolean zoned = last == 'Z' || last == 'z' || text.lastIndexOf('+') > 9
        || text.lastIndexOf('-') > 9;
    return zoned ? OffsetDateTime.parse(text).toInstant()
        : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
  }

  static Duration minutes(Integer m) {
    return m == null ? null : Duration.ofMinutes(m);
  }

  static URI uri(String text) {
    return text == null ? null : URI.create(text);
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
  public Session notteStatus(String id) {
    return send(notte("/sessions/" + id).GET().build(), NotteSession.class).toSession();
  }

  /**
   * Notte {@code POST /sessions/start} with provider-notte's default body.
   *
   * @return the session
   */
  public Session notteStart() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return send(notte("/sessions/start").header("Content-Type", "application/json")
        .header("Idempotency-Key", HexFormat.of().formatHex(key))
        .POST(HttpRequest.BodyPublishers.ofString(NOTTE_START)).build(), NotteSession.class)
        .toSession();
  }

  /**
   * Notte {@code DELETE /sessions/{id}/stop}.
   *
   * @param id the session
   * @return the session
   */
  public Session notteStop(String id) {
    return send(notte("/sessions/" + id + "/stop").DELETE().build(), NotteSession.class)
        .toSession();
  }

  /**
   * Every Notte session, page by page (100 per page) until {@code has_next} is false.
   *
   * @return the sessions
   */
  public List<Session> notteList() {
    List<Session> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      NottePage p = send(notte("/sessions?page=" + page + "&page_size=" + PAGE_SIZE
          + "&only_active=false").GET().build(), NottePage.class);
      p.items().forEach(s -> all.add(s.toSession()));
      if (!p.hasNext()) {
        return all;
      }
    }
  }

  /**
   * Stagehand {@code POST /v1/sessions/start} with the body provider-stagehand sends for
   * {@code SessionRequest.defaults()} (owner tag and a fresh request tag included), then
   * Browserbase {@code GET /v1/sessions/{id}}: Stagehand's answer holds only the id and the CDP
   * URL, and the session's times, status and metadata that a created session reports (the
   * library's {@code SessionInfo}) are Browserbase's, so a client that reports them reads them as
   * the library does.
   *
   * @return the session
   */
  public Session stagehandStart() {
    String id = send(stagehand("/v1/sessions/start").header("Content-Type", "application/json")
        .header("x-stream-response", "false")
        .POST(HttpRequest.BodyPublishers.ofString(stagehandStartBody())).build(),
        StagehandStart.class).data().id();
    return browserbase(id).toSession();
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
  public Session browserbaseStatus(String id) {
    return browserbase(id).toSession();
  }

  private BrowserbaseSession browserbase(String id) {
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
  public Session stagehandStop(String id, Duration poll) {
    send(stagehand("/v1/sessions/" + id + "/end").header("x-stream-response", "false")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), Object.class);
    BrowserbaseSession s = browserbase(id);
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
      s = browserbase(id);
    }
    return s.toSession();
  }

  /**
   * Browserbase {@code GET /v1/sessions}: every session, one request.
   *
   * @return the sessions
   */
  public List<Session> browserbaseList() {
    List<Session> all = new ArrayList<>();
    for (BrowserbaseSession s : send(bb("/v1/sessions").GET().build(),
        BrowserbaseSession[].class)) {
      all.add(s.toSession());
    }
    return all;
  }

  private HttpRequest.Builder notte(String path) {
    return request(base + path).header("Authorization", "Bearer " + Vendors.KEY);
  }

  private HttpRequest.Builder stagehand(String path) {
    return request(base + path).header("x-bb-api-key", Vendors.KEY);
  }

  private HttpRequest.Builder bb(String path) {
    return request(browserbase + path).header("x-bb-api-key", Vendors.KEY);
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json").header("User-Agent", USER_AGENT);
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
