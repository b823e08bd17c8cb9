package dev.browsersessions.notte.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A stateful Notte API on loopback, speaking the documented protocol: start, status, stop, debug,
 * list with paging, idle and max timeouts on a controllable clock, bearer auth, injected error
 * answers, and start answers held back or never sent after the session was started. Records every
 * request it receives.
 */
public final class NotteSimulator implements AutoCloseable {

  /** A received request. */
  public record Received(String method, String path, String query, Map<String, List<String>> headers,
      String body) {}

  /** An injected answer for the next request whose path starts with a prefix. */
  public record Injected(String method, String pathPrefix, int status, String body,
      Map<String, String> headers) {}

  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final Clock clock;
  private final String apiKey;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Injected> injected = new ConcurrentLinkedQueue<>();
  public final List<Received> received = new CopyOnWriteArrayList<>();
  /** How many status reads a stop takes to become terminal (0: the stop answer is terminal). */
  public volatile int stopLag;
  /** Whether start answers omit cdp_url (so the client must use /debug). */
  public volatile boolean omitCdpUrl;
  /** Released once for every start answer held by {@link #holdStartAnswers}. */
  public final Semaphore heldStarts = new Semaphore(0);
  private final AtomicInteger starts = new AtomicInteger();
  private volatile int holdEvery;
  private volatile int holdMax;
  private final AtomicInteger held = new AtomicInteger();
  private volatile CountDownLatch holdUntil;
  private final AtomicInteger dropStarts = new AtomicInteger();
  private final ConcurrentLinkedQueue<UnaryOperator<String>> startRewrites =
      new ConcurrentLinkedQueue<>();

  private static final class Session {
    final String id;
    final Instant created;
    Instant lastAccessed;
    Instant closedAt;
    String status = "active";
    final int idleMinutes;
    final int maxMinutes;
    final Map<String, Object> request;
    int pendingStopReads = -1;
    String cookies = "[]";

    Session(String id, Instant now, int idle, int max, Map<String, Object> request) {
      this.id = id;
      this.created = now;
      this.lastAccessed = now;
      this.idleMinutes = idle;
      this.maxMinutes = max;
      this.request = request;
    }
  }

  /**
   * Starts the simulator on 127.0.0.1 and a free port.
   *
   * @param clock the simulator's time
   * @param apiKey the only key it accepts
   * @throws IOException if it cannot listen
   */
  public NotteSimulator(Clock clock, String apiKey) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.clock = clock;
    this.apiKey = apiKey;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    // 16 threads started now, so ordinary traffic starts none while a test runs (the kit's R10.6
    // counts the threads started while a provider lives); more only for held answers
    pool = new ThreadPoolExecutor(16, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "notte-sim");
          t.setDaemon(true);
          return t;
        });
    pool.prestartAllCoreThreads();
    server.setExecutor(pool);
    server.start();
  }

  /**
   * The base URL.
   *
   * @return {@code http://127.0.0.1:PORT}
   */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Answers the next matching request with a given status and body.
   *
   * @param method the HTTP method
   * @param pathPrefix e.g. {@code /sessions/start}
   * @param status the status
   * @param body the body
   */
  public void inject(String method, String pathPrefix, int status, String body) {
    injected.add(new Injected(method, pathPrefix, status, body, Map.of()));
  }

  /**
   * Answers the next matching request with a given status, body and headers.
   *
   * @param i the answer
   */
  public void inject(Injected i) {
    injected.add(i);
  }

  /**
   * Makes the next start create its session as usual and then answer the rewritten JSON instead
   * (a hostile or broken server: e.g. another session id, unsafe URLs).
   *
   * @param rewrite from the real answer's JSON text to the one sent
   */
  public void rewriteNextStartAnswer(UnaryOperator<String> rewrite) {
    startRewrites.add(rewrite);
  }

  /** Forgets the injected answers not used yet. */
  public void clearInjected() {
    injected.clear();
  }

  /**
   * Holds the answers of some starts (after the session was started) until a latch opens, as a
   * slow vendor would: the client may give up first.
   *
   * @param everyNth which starts: the n-th, 2n-th, … from now (1: every one)
   * @param max how many at most
   * @param release opens to send the held answers (at most 30 s later they are sent anyway)
   */
  public void holdStartAnswers(int everyNth, int max, CountDownLatch release) {
    starts.set(0);
    held.set(0);
    holdUntil = release;
    holdMax = max;
    holdEvery = everyNth;
  }

  /**
   * Starts the session of the next starts, then closes the connection without answering (a reset
   * after the vendor acted).
   *
   * @param count how many starts
   */
  public void dropStartAnswers(int count) {
    dropStarts.set(count);
  }

  /**
   * The start requests received.
   *
   * @return their count
   */
  public long startsReceived() {
    return received.stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/sessions/start")).count();
  }

  /**
   * The status of a session.
   *
   * @param id the session
   * @return e.g. {@code active}, or {@code null} for an unknown id
   */
  public String statusOf(String id) {
    Session s = sessions.get(id);
    if (s == null) {
      return null;
    }
    expire(s);
    synchronized (s) {
      return s.status;
    }
  }

  /**
   * The number of sessions the simulator holds as active.
   *
   * @return the count
   */
  public long activeCount() {
    sessions.values().forEach(this::expire);
    return sessions.values().stream().filter(s -> s.status.equals("active")).count();
  }

  /**
   * Ends a session as the vendor would (e.g. a crash).
   *
   * @param id the session
   * @param status the new status
   */
  public void end(String id, String status) {
    Session s = sessions.get(id);
    synchronized (s) {
      s.status = status;
      s.closedAt = clock.instant();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    received.add(new Received(method, path, query, Map.copyOf(ex.getRequestHeaders()), body));
    try {
      for (Injected i : injected) {
        if (i.method().equals(method) && path.startsWith(i.pathPrefix()) && injected.remove(i)) {
          i.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
          send(ex, i.status(), i.body());
          return;
        }
      }
      if (!("Bearer " + apiKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, "{\"message\":\"Authentication failed. Please check your credentials.\"}");
        return;
      }
      route(ex, method, path, query, body);
    } catch (RuntimeException e) {
      send(ex, 500, "{\"message\":\"simulator: " + e + "\"}");
    }
  }

  @SuppressWarnings("unchecked")
  private void route(HttpExchange ex, String method, String path, String query, String body)
      throws IOException {
    String[] parts = path.split("/");
    if (method.equals("POST") && path.equals("/sessions/start")) {
      Map<String, Object> req = body.isBlank() ? Map.of() : json.readValue(body, Map.class);
      int idle = ((Number) req.getOrDefault("idle_timeout_minutes", 3)).intValue();
      int max = ((Number) req.getOrDefault("max_duration_minutes", 15)).intValue();
      if (idle < 1 || idle > 30 || max < 1 || max > 1440 || idle > max) {
        send(ex, 422, "{\"message\":\"Validation error\",\"detail\":[{\"loc\":[\"body\","
            + "\"idle_timeout_minutes\"],\"msg\":\"out of range\",\"type\":\"value_error\"}]}");
        return;
      }
      Session s = new Session(UUID.randomUUID().toString(), clock.instant(), idle, max, req);
      sessions.put(s.id, s);
      if (dropStarts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        ex.close(); // no answer: the connection closes
        return;
      }
      int every = holdEvery;
      CountDownLatch release = holdUntil;
      if (every > 0 && release != null && starts.incrementAndGet() % every == 0
          && held.incrementAndGet() <= holdMax) {
        heldStarts.release();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      UnaryOperator<String> rewrite = startRewrites.poll();
      String answer = json(s, omitCdpUrl);
      send(ex, 200, rewrite == null ? answer : rewrite.apply(answer));
      return;
    }
    if (method.equals("GET") && path.equals("/sessions")) {
      list(ex, query);
      return;
    }
    if (parts.length >= 3 && parts[1].equals("sessions")) {
      Session s = sessions.get(parts[2]);
      if (s == null) {
        send(ex, 404, "{\"detail\":\"Session " + parts[2] + " not found\"}");
        return;
      }
      synchronized (s) {
        expire(s);
        if (parts.length == 3 && method.equals("GET")) {
          if (s.pendingStopReads > 0 && --s.pendingStopReads == 0) {
            close(s, "closed");
          }
          touch(s);
          send(ex, 200, json(s, false));
          return;
        }
        if (parts.length == 4 && parts[3].equals("stop") && method.equals("DELETE")) {
          if (s.status.equals("active")) {
            if (stopLag > 0) {
              s.pendingStopReads = stopLag;
            } else {
              close(s, "closed");
            }
          }
          send(ex, 200, json(s, false));
          return;
        }
        if (parts.length == 4 && parts[3].equals("cookies") && method.equals("POST")) {
          s.cookies = json.readTree(body).path("cookies").toString();
          send(ex, 200, "{\"success\":true,\"message\":\"cookies set\"}");
          return;
        }
        if (parts.length == 4 && parts[3].equals("cookies") && method.equals("GET")) {
          send(ex, 200, "{\"cookies\":" + s.cookies + "}");
          return;
        }
        if (parts.length == 4 && parts[3].equals("debug") && method.equals("GET")) {
          send(ex, 200, "{\"debug_url\":\"https://console.sim/sessions/" + s.id + "\","
              + "\"ws\":{\"cdp\":\"wss://cdp.sim/" + s.id + "\",\"recording\":\"wss://r\","
              + "\"logs\":\"wss://l\"},\"tabs\":[]}");
          return;
        }
      }
    }
    send(ex, 404, "{\"detail\":\"Not Found\"}");
  }

  private void list(HttpExchange ex, String query) throws IOException {
    Map<String, String> q = new LinkedHashMap<>();
    if (query != null) {
      for (String kv : query.split("&")) {
        int eq = kv.indexOf('=');
        q.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    int size = Integer.parseInt(q.getOrDefault("page_size", "10"));
    boolean onlyActive = Boolean.parseBoolean(q.getOrDefault("only_active", "true"));
    List<Session> all = new ArrayList<>(sessions.values());
    all.forEach(this::expire);
    all.sort(Comparator.comparing((Session s) -> s.created).thenComparing(s -> s.id));
    List<Session> matching =
        all.stream().filter(s -> !onlyActive || s.status.equals("active")).toList();
    int from = Math.min((page - 1) * size, matching.size());
    int to = Math.min(from + size, matching.size());
    StringBuilder items = new StringBuilder();
    for (Session s : matching.subList(from, to)) {
      items.append(items.length() == 0 ? "" : ",").append(json(s, false));
    }
    send(ex, 200, "{\"items\":[" + items + "],\"page\":" + page + ",\"page_size\":" + size
        + ",\"has_next\":" + (to < matching.size()) + ",\"has_previous\":" + (page > 1) + "}");
  }

  private void expire(Session s) {
    synchronized (s) {
      if (!s.status.equals("active")) {
        return;
      }
      Instant now = clock.instant();
      if (!now.isBefore(s.created.plus(Duration.ofMinutes(s.maxMinutes)))
          || !now.isBefore(s.lastAccessed.plus(Duration.ofMinutes(s.idleMinutes)))) {
        close(s, "timed_out");
      }
    }
  }

  private void touch(Session s) {
    if (s.status.equals("active")) {
      s.lastAccessed = clock.instant();
    }
  }

  private void close(Session s, String status) {
    s.status = status;
    s.closedAt = clock.instant();
  }

  private String json(Session s, boolean omitCdp) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("session_id", s.id);
    m.put("idle_timeout_minutes", s.idleMinutes);
    m.put("timeout_minutes", s.idleMinutes);
    m.put("max_duration_minutes", s.maxMinutes);
    // naive timestamps, as Pydantic writes them
    m.put("created_at", s.created.toString().replace("Z", ""));
    m.put("last_accessed_at", s.lastAccessed.toString());
    m.put("closed_at", s.closedAt == null ? null : s.closedAt.toString());
    m.put("duration", Duration.between(s.created,
        s.closedAt == null ? clock.instant() : s.closedAt).toString());
    m.put("status", s.status);
    m.put("steps", List.of());
    m.put("error", null);
    m.put("proxies", s.request.get("proxies") != null && !Boolean.FALSE.equals(s.request.get("proxies")));
    m.put("browser_type", "chromium");
    m.put("headless", s.request.getOrDefault("headless", true));
    m.put("user_agent", s.request.get("user_agent"));
    m.put("viewport_width", s.request.get("viewport_width"));
    m.put("viewport_height", s.request.get("viewport_height"));
    m.put("solve_captchas", s.request.get("solve_captchas"));
    m.put("cdp_url", omitCdp || !s.status.equals("active") ? null : "wss://cdp.sim/" + s.id);
    m.put("viewer_url", omitCdp ? null : "https://viewer.sim/" + s.id);
    m.put("future_field", Map.of("nested", 1));
    try {
      return json.writeValueAsString(m);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!ex.getResponseHeaders().containsKey("Content-Type")) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
