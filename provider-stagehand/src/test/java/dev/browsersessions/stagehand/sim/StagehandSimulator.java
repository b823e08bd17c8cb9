package dev.browsersessions.stagehand.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.browsersessions.fake.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful simulator of both APIs the {@code stagehand} provider talks to, on 127.0.0.1:
 * Stagehand's {@code POST /v1/sessions/start} and {@code /end} on one port per Stagehand host, and
 * Browserbase's {@code /v1/sessions} (status, release, list, debug) on another. It follows the
 * behaviour documented in the reference (OSS server error bodies, Fastify-style Browserbase
 * errors, the concurrent-sessions 429), with knobs: how many status reads a release takes, a
 * concurrency limit, whether {@code end} releases the browser, a controllable clock for timeouts,
 * and canned answers on demand. Every request is recorded.
 */
public final class StagehandSimulator implements AutoCloseable {

  /** The default Stagehand host's label. */
  public static final String DEFAULT_HOST = "default";

  private static final Set<String> MODEL_PROVIDERS = Set.of(
      "openai", "anthropic", "google", "xai", "azure", "groq", "cerebras", "togetherai",
      "mistral", "deepseek", "perplexity", "ollama", "vertex", "bedrock");
  private static final Pattern SESSION = Pattern.compile("/v1/sessions/([^/]+)");
  private static final Pattern END = Pattern.compile("/v1/sessions/([^/]+)/end");
  private static final Pattern DEBUG = Pattern.compile("/v1/sessions/([^/]+)/debug");
  private static final int THREADS = 16;
  private static final Pattern Q = Pattern.compile("user_metadata\\['([^']*)'\\]:'([^']*)'");

  private final ObjectMapper json = new ObjectMapper();
  private final String apiKey;
  private final MutableClock clock = MutableClock.of(Instant.parse("2026-01-01T00:00:00Z"));
  /**
   * A fixed pool started with the simulator, so no simulator thread starts while a test runs (the
   * kit's R10.6 counts the threads started while a provider lives). No handler blocks.
   */
  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0,
      TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "stagehand-sim");
        t.setDaemon(true);
        return t;
      });
  private final HttpServer browserbase;
  private final Map<String, HttpServer> stagehand = new LinkedHashMap<>();
  private final Map<String, SimSession> sessions = new LinkedHashMap<>();
  private final Map<String, Deque<Scripted>> scripted = new HashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile int releasePolls = 1;
  private volatile int maxConcurrent = Integer.MAX_VALUE;
  private volatile boolean endReleases;
  private volatile int hideNewSessions;
  private final Deque<Scripted> afterStart = new ArrayDeque<>();

  static {
    // Answer without Nagle's delay: small loopback exchanges otherwise wait for delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private StagehandSimulator(String apiKey) throws IOException {
    this.apiKey = apiKey;
    executor.prestartAllCoreThreads();
    this.browserbase = server("browserbase");
    addStagehandHost(DEFAULT_HOST);
  }

  /**
   * Starts a simulator that accepts one API key.
   *
   * @param apiKey the key both APIs accept
   * @return the running simulator
   */
  public static StagehandSimulator start(String apiKey) {
    try {
      return new StagehandSimulator(apiKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the simulator", e);
    }
  }

  /**
   * Starts one more Stagehand host (another port), e.g. for a region.
   *
   * @param label the host's label in recorded requests
   * @return its base URL
   */
  public synchronized URI addStagehandHost(String label) {
    try {
      stagehand.put(label, server(label));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return stagehandUrl(label);
  }

  /**
   * The default Stagehand host.
   *
   * @return its base URL
   */
  public URI stagehandUrl() {
    return stagehandUrl(DEFAULT_HOST);
  }

  /**
   * A Stagehand host.
   *
   * @param label its label
   * @return its base URL
   */
  public synchronized URI stagehandUrl(String label) {
    return url(stagehand.get(label));
  }

  /**
   * The Browserbase API.
   *
   * @return its base URL
   */
  public URI browserbaseUrl() {
    return url(browserbase);
  }

  /**
   * How many status reads after a release request the session stays RUNNING (0: at once).
   *
   * @param polls the count; {@code Integer.MAX_VALUE} never completes
   * @return this simulator
   */
  public StagehandSimulator releasePolls(int polls) {
    this.releasePolls = polls;
    return this;
  }

  /**
   * The concurrent-session limit; a start beyond it answers Browserbase's 429.
   *
   * @param limit the limit
   * @return this simulator
   */
  public StagehandSimulator maxConcurrent(int limit) {
    this.maxConcurrent = limit;
    return this;
  }

  /**
   * Whether Stagehand's end also releases the Browserbase session (the hosted API may).
   *
   * @param releases whether it does
   * @return this simulator
   */
  public StagehandSimulator endReleases(boolean releases) {
    this.endReleases = releases;
    return this;
  }

  /**
   * Makes every session started from now on missing from the first {@code lists} list answers
   * it matches (Browserbase's list showing a new session late).
   *
   * @param lists how many matching list answers leave a new session out
   * @return this simulator
   */
  public StagehandSimulator hideNewSessionsFromLists(int lists) {
    this.hideNewSessions = lists;
    return this;
  }

  /** Shows every hidden session in list answers from now on. */
  public synchronized void showHiddenSessions() {
    sessions.values().forEach(s -> s.hiddenFromLists = 0);
  }

  /**
   * The sessions that are running (RUNNING or PENDING).
   *
   * @return their ids
   */
  public synchronized List<String> runningIds() {
    sessions.values().forEach(s -> s.tick(clock.instant()));
    return sessions.values().stream().filter(SimSession::isRunning).map(s -> s.id).toList();
  }

  /**
   * Makes the next start create its session and then answer this instead (a lost answer); a
   * {@code {sessionId}} in its body is replaced by the new session's id.
   *
   * @param answer the answer
   * @return this simulator
   */
  public synchronized StagehandSimulator failAfterStarting(Scripted answer) {
    afterStart.add(answer);
    return this;
  }

  /**
   * Queues a canned answer for the next request on a route.
   *
   * @param route start, end, get, release, list or debug
   * @param answer the answer
   * @return this simulator
   */
  public synchronized StagehandSimulator enqueue(String route, Scripted answer) {
    scripted.computeIfAbsent(route, r -> new ArrayDeque<>()).add(answer);
    return this;
  }

  /**
   * Moves the simulated time forward; sessions past their timeout become TIMED_OUT.
   *
   * @param d how far
   */
  public void advance(Duration d) {
    clock.advance(d);
  }

  /**
   * The simulated clock.
   *
   * @return the clock
   */
  public MutableClock clock() {
    return clock;
  }

  /**
   * Every request received, in order.
   *
   * @return the requests
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The requests on one route.
   *
   * @param route the route
   * @return the requests, in order
   */
  public List<RecordedRequest> requests(String route) {
    return requests.stream().filter(r -> r.route().equals(route)).toList();
  }

  /**
   * A session's Browserbase status as stored (without a poll).
   *
   * @param id the session
   * @return its status, or {@code null} if unknown
   */
  public synchronized String statusOf(String id) {
    SimSession s = sessions.get(id);
    if (s == null) {
      return null;
    }
    s.tick(clock.instant());
    return s.status;
  }

  /**
   * Ends a running session on the vendor's side, as Browserbase does when the browser crashes
   * ({@code ERROR}) or the session times out ({@code TIMED_OUT}).
   *
   * @param id the session
   * @param status its Browserbase status from now on, e.g. {@code ERROR}
   * @throws IllegalArgumentException if the session is unknown
   */
  public synchronized void end(String id, String status) {
    SimSession s = sessions.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no session " + id);
    }
    s.status = status;
    s.endedAt = clock.instant();
    s.stagehandOpen = false;
  }

  /**
   * Adds a running Browserbase session that Stagehand never saw (e.g. started by another tool).
   *
   * @param metadata its user metadata
   * @return its id
   */
  public synchronized String addBrowserbaseOnlySession(Map<String, Object> metadata) {
    SimSession s = new SimSession(UUID.randomUUID().toString(), "us-west-2", clock.instant(),
        null, false, new LinkedHashMap<>(metadata), null);
    s.stagehandOpen = false;
    sessions.put(s.id, s);
    return s.id;
  }

  @Override
  public void close() {
    browserbase.stop(0);
    synchronized (this) {
      stagehand.values().forEach(s -> s.stop(0));
    }
    executor.shutdownNow();
  }

  // --------------------------------------------------------------------------------------------

  private HttpServer server(String label) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/", ex -> {
      try {
        handle(label, ex);
      } catch (RuntimeException e) {
        send(ex, Scripted.json(500, "{\"error\":\"simulator: " + e + "\",\"statusCode\":500}"));
      } finally {
        ex.close();
      }
    });
    s.setExecutor(executor);
    s.start();
    return s;
  }

  private static URI url(HttpServer s) {
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  private void handle(String host, HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery() == null
        ? "" : URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    boolean isBrowserbase = host.equals("browserbase");
    String route = route(isBrowserbase, method, path);
    requests.add(new RecordedRequest(host, route, method, path, query, headers, body));
    Scripted canned;
    synchronized (this) {
      Deque<Scripted> q = scripted.get(route);
      canned = q == null ? null : q.poll();
    }
    if (canned != null) {
      send(ex, canned);
      return;
    }
    Scripted answer;
    synchronized (this) {
      sessions.values().forEach(s -> s.tick(clock.instant()));
      answer = isBrowserbase
          ? browserbase(route, path, query, headers, body)
          : stagehand(host, route, path, headers, body);
    }
    send(ex, answer);
  }

  private static String route(boolean browserbase, String method, String path) {
    if (!browserbase) {
      if (method.equals("POST") && path.equals("/v1/sessions/start")) {
        return "start";
      }
      return method.equals("POST") && END.matcher(path).matches() ? "end" : "unknown";
    }
    if (method.equals("GET") && path.equals("/v1/sessions")) {
      return "list";
    }
    if (method.equals("GET") && DEBUG.matcher(path).matches()) {
      return "debug";
    }
    if (SESSION.matcher(path).matches()) {
      return method.equals("GET") ? "get" : method.equals("POST") ? "release" : "unknown";
    }
    return "unknown";
  }

  // --- Stagehand ------------------------------------------------------------------------------

  private Scripted stagehand(
      String host, String route, String path, Map<String, String> headers, String body) {
    if (route.equals("unknown")) {
      return Scripted.json(404, "{\"message\":\"Route not found\",\"error\":\"Not Found\","
          + "\"statusCode\":404}");
    }
    String key = headers.get("x-bb-api-key");
    if (key == null) {
      return failure(400, "Missing required headers for browserbase sessions");
    }
    if (!key.equals(apiKey)) {
      return failure(401, "Unauthorized");
    }
    String language = headers.get("x-language");
    if (language != null && !Set.of("typescript", "python", "playground").contains(language)) {
      return failure(400, "Invalid client language header");
    }
    return route.equals("start") ? start(host, headers, body) : end(host, path, body);
  }

  private Scripted start(String host, Map<String, String> headers, String body) {
    JsonNode req;
    try {
      req = json.readTree(body);
    } catch (IOException e) {
      return Scripted.json(400, "{\"error\":\"Request validation failed\",\"issues\":"
          + "[{\"code\":\"invalid_type\",\"path\":[],\"message\":\"Expected object\"}]}");
    }
    String model = req.path("modelName").asText("");
    if (model.isBlank()) {
      return failure(400, "Missing required model name");
    }
    if (model.contains("/") && !MODEL_PROVIDERS.contains(model.substring(0, model.indexOf('/')))) {
      return failure(400, "Invalid provider: " + model.substring(0, model.indexOf('/')));
    }
    JsonNode params = req.path("browserbaseSessionCreateParams");
    Integer timeout = params.has("timeout") ? params.get("timeout").asInt() : null;
    if (timeout != null && (timeout < 60 || timeout > 21600)) {
      return Scripted.json(400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":"
          + "\"body/timeout must be >= 60 and <= 21600\"}");
    }
    long running = sessions.values().stream().filter(SimSession::isRunning).count();
    if (running >= maxConcurrent) {
      return Scripted.json(429, "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":"
          + "\"You've exceeded your max concurrent sessions limit (limit " + maxConcurrent
          + ", currently " + running + "). Please contact support to increase your limit.\"}");
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    params.path("userMetadata").properties()
        .forEach(e -> metadata.put(e.getKey(), json.convertValue(e.getValue(), Object.class)));
    metadata.put("stagehand", "true");
    SimSession s = new SimSession(UUID.randomUUID().toString(),
        params.path("region").asText("us-west-2"), clock.instant(), timeout,
        params.path("keepAlive").asBoolean(false), metadata, host);
    s.hiddenFromLists = hideNewSessions;
    sessions.put(s.id, s);
    Scripted lost = afterStart.poll();
    if (lost != null) {
      return new Scripted(lost.status(), lost.contentType(),
          lost.body().replace("{sessionId}", s.id), lost.headers());
    }
    ObjectNode data = json.createObjectNode()
        .put("sessionId", s.id).put("available", true).put("cdpUrl", cdpUrl(s));
    ObjectNode envelope = json.createObjectNode().put("success", true);
    envelope.set("data", data);
    if ("true".equalsIgnoreCase(headers.get("x-stream-response"))) {
      return Scripted.sse(frame("starting", "system", json.createObjectNode().put("status",
          "starting"))
          + frame("connected", "system", json.createObjectNode().put("status", "connected"))
          + frame("finished", "system", json.createObjectNode().put("status", "finished")
              .set("result", data)));
    }
    return Scripted.json(200, envelope.toString());
  }

  private Scripted end(String host, String path, String body) {
    if (!body.isBlank() && !body.trim().equals("{}")) {
      return failure(400, "Request body must be empty");
    }
    Matcher m = END.matcher(path);
    m.matches();
    SimSession s = sessions.get(m.group(1));
    if (s == null || !host.equals(s.stagehandHost) || (!s.stagehandOpen && s.isRunning())) {
      return failure(404, "Session not found");
    }
    if (!s.isRunning() || !s.stagehandOpen) {
      return failure(409, "Attempted to close session that is not currently active");
    }
    s.stagehandOpen = false;
    if (endReleases) {
      requestRelease(s);
    }
    return Scripted.json(200, "{\"success\":true}");
  }

  private String frame(String event, String type, ObjectNode data) {
    ObjectNode f = json.createObjectNode();
    f.set("data", data);
    f.put("type", type).put("id", UUID.randomUUID().toString());
    return "event: " + event + "\ndata: " + f + "\n\n";
  }

  private static Scripted failure(int status, String message) {
    return Scripted.json(status, "{\"success\":false,\"message\":\"" + message + "\"}");
  }

  // --- Browserbase ----------------------------------------------------------------------------

  private Scripted browserbase(
      String route, String path, String query, Map<String, String> headers, String body) {
    String key = headers.get("x-bb-api-key");
    if (key == null || !key.equals(apiKey)) {
      return fastify(401, "Unauthorized", "Invalid or missing API key");
    }
    switch (route) {
      case "list":
        return list(query);
      case "debug": {
        Matcher m = DEBUG.matcher(path);
        m.matches();
        SimSession s = sessions.get(m.group(1));
        if (s == null || !s.isRunning()) {
          return fastify(404, "Not Found", "Session not found or not running");
        }
        return Scripted.json(200, "{\"debuggerFullscreenUrl\":\"https://www.browserbase.com/"
            + "devtools-fullscreen/inspector.html?wss=connect.sim/" + s.id + "\","
            + "\"debuggerUrl\":\"https://www.browserbase.com/devtools/inspector.html\","
            + "\"wsUrl\":\"wss://connect.sim/debug/" + s.id + "\",\"pages\":[]}");
      }
      case "get":
      case "release": {
        Matcher m = SESSION.matcher(path);
        m.matches();
        SimSession s = sessions.get(m.group(1));
        if (s == null) {
          return fastify(404, "Not Found", "Session not found");
        }
        if (route.equals("get")) {
          if (s.releaseRequested && s.isRunning()) {
            if (s.pollsLeft <= 0) {
              s.complete(clock.instant());
            } else {
              s.pollsLeft--;
            }
          }
          return Scripted.json(200, session(s, true).toString());
        }
        JsonNode req;
        try {
          req = json.readTree(body);
        } catch (IOException e) {
          return fastify(400, "Bad Request", "body must be object");
        }
        if (req == null || !"REQUEST_RELEASE".equals(req.path("status").asText())) {
          return fastify(400, "Bad Request", "body/status must be equal to constant");
        }
        if (s.isRunning()) {
          requestRelease(s);
        }
        return Scripted.json(200, session(s, false).toString());
      }
      default:
        return fastify(404, "Not Found", "Route " + path + " not found");
    }
  }

  private void requestRelease(SimSession s) {
    if (!s.releaseRequested) {
      s.releaseRequested = true;
      s.pollsLeft = releasePolls;
      if (releasePolls == 0) {
        s.complete(clock.instant());
      }
    }
  }

  private Scripted list(String query) {
    String status = null;
    String q = null;
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String k = part.substring(0, eq);
      if (k.equals("status")) {
        status = part.substring(eq + 1);
      } else if (k.equals("q")) {
        q = part.substring(eq + 1);
      }
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    if (q != null) {
      Matcher m = Q.matcher(q);
      while (m.find()) {
        wanted.put(m.group(1), m.group(2));
      }
    }
    ArrayNode out = json.createArrayNode();
    for (SimSession s : new ArrayList<>(sessions.values())) {
      if (status != null && !status.equals(s.status)) {
        continue;
      }
      boolean matches = wanted.entrySet().stream()
          .allMatch(e -> e.getValue().equals(s.userMetadata.get(e.getKey())));
      if (matches && s.hiddenFromLists > 0) {
        s.hiddenFromLists--;
      } else if (matches) {
        out.add(session(s, false));
      }
    }
    return Scripted.json(200, out.toString());
  }

  private ObjectNode session(SimSession s, boolean withConnect) {
    ObjectNode n = json.createObjectNode()
        .put("id", s.id)
        .put("createdAt", s.createdAt.toString())
        .put("updatedAt", clock.instant().toString())
        .put("projectId", "proj-sim")
        .put("startedAt", s.createdAt.toString())
        .put("expiresAt", s.expiresAt().toString())
        .put("status", s.status)
        .put("proxyBytes", 0)
        .put("keepAlive", s.keepAlive)
        .put("region", s.region);
    if (s.endedAt != null) {
      n.put("endedAt", s.endedAt.toString());
    }
    n.set("userMetadata", json.valueToTree(s.userMetadata));
    if (withConnect && s.isRunning()) {
      n.put("connectUrl", cdpUrl(s));
    }
    return n;
  }

  private static String cdpUrl(SimSession s) {
    return "wss://connect.sim.browserbase.com/?signingKey=sig-" + s.id;
  }

  private static Scripted fastify(int status, String error, String message) {
    return Scripted.json(status, "{\"statusCode\":" + status + ",\"error\":\"" + error
        + "\",\"message\":\"" + message + "\"}");
  }

  private static void send(HttpExchange ex, Scripted answer) throws IOException {
    if (answer.status() == Scripted.DROP) {
      // a handler that throws makes the server close the connection: the answer is lost
      throw new IOException("simulator: answer dropped");
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", answer.contentType());
    answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
