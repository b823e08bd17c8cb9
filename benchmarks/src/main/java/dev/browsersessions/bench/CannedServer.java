package dev.browsersessions.bench;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that answers each route with one fixed JSON body, instantly: the floor against
 * which a call is measured. Run it in its own JVM ({@link #main}, started by {@link RemoteServer})
 * so it does not share CPU caches, heap, GC or JIT with the client measured.
 *
 * <p>The hot path takes no lock and copies no log: a request count, a lock-free slot array for the
 * first {@value #KEPT} requests (method, path, body and headers, for the fairness check), a
 * concurrent set of client ports, and for lifecycles a concurrent set of ended ids. Answers are
 * pre-encoded; where a route carries a session id the answer is the canned body with the id of
 * the request (or, for a create, a fresh id) spliced in.
 */
public final class CannedServer implements AutoCloseable {

  /** How many requests the server keeps for {@link #firstRequests()}. */
  private static final int KEPT = 64;
  /** Control paths of {@link #main}'s server, never counted. */
  static final String CONTROL = "/__bench/";

  static {
    // Without TCP_NODELAY the JDK server's small answers wait on Nagle's algorithm.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * One route: the first whose method and path match answers.
   *
   * @param method the HTTP method
   * @param path a regular expression the whole raw path must match; its first group, if any, is
   *     the session id
   * @param body the JSON answered with status 200
   * @param endedBody the JSON answered instead once the id has been ended, or null
   * @param fresh whether the answer carries a fresh session id (a create)
   * @param ends whether the call ends the session with the path's id
   */
  public record Route(String method, Pattern path, String body, String endedBody, boolean fresh,
      boolean ends) {

    /**
     * A route answering one body.
     *
     * @param method the HTTP method
     * @param pathRegex the path, as a regular expression
     * @param body the JSON answer
     * @return the route
     */
    public static Route of(String method, String pathRegex, String body) {
      return new Route(method, Pattern.compile(pathRegex), body, null, false, false);
    }

    /**
     * This route, answering a fresh id in the canned body (a create).
     *
     * @return the route
     */
    public Route withFreshId() {
      return new Route(method, path, body, endedBody, true, ends);
    }

    /**
     * This route, ending the session of the path's id.
     *
     * @return the route
     */
    public Route ending() {
      return new Route(method, path, body, endedBody, fresh, true);
    }

    /**
     * This route, answering {@code ended} once the path's id has been ended.
     *
     * @param ended the answer after the end
     * @return the route
     */
    public Route endedBody(String ended) {
      return new Route(method, path, body, ended, fresh, ends);
    }
  }

  /** A pre-encoded answer, split around the canned id (one part when no id is spliced in). */
  private record Answer(byte[][] parts) {
    static Answer of(String body, String id) {
      if (body == null) {
        return null;
      }
      String[] split = id == null ? new String[] {body} : body.split(Pattern.quote(id), -1);
      byte[][] parts = new byte[split.length][];
      for (int i = 0; i < split.length; i++) {
        parts[i] = split[i].getBytes(StandardCharsets.UTF_8);
      }
      return new Answer(parts);
    }

    byte[] with(String id) {
      if (parts.length == 1) {
        return parts[0];
      }
      byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
      int n = idBytes.length * (parts.length - 1);
      for (byte[] p : parts) {
        n += p.length;
      }
      byte[] out = new byte[n];
      int at = 0;
      for (int i = 0; i < parts.length; i++) {
        System.arraycopy(parts[i], 0, out, at, parts[i].length);
        at += parts[i].length;
        if (i + 1 < parts.length) {
          System.arraycopy(idBytes, 0, out, at, idBytes.length);
          at += idBytes.length;
        }
      }
      return out;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final Set<String> ended = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong freshIds = new AtomicLong();
  private final AtomicReferenceArray<String> first = new AtomicReferenceArray<>(KEPT);

  /**
   * Starts a server that answers every GET with one body.
   *
   * @param body the JSON every GET receives
   * @throws IOException if the socket cannot be bound
   */
  public CannedServer(String body) throws IOException {
    this(List.of(Route.of("GET", ".*", body)), null);
  }

  /**
   * Starts the server on 127.0.0.1 and an ephemeral port; unmatched requests get 405.
   *
   * @param routes the answers, first match wins
   * @param cannedId the session id in the canned bodies, replaced by the request's (or a fresh)
   *     id; null to answer the bodies as they are
   * @throws IOException if the socket cannot be bound
   */
  public CannedServer(List<Route> routes, String cannedId) throws IOException {
    List<Route> table = List.copyOf(routes);
    List<Answer> bodies = new ArrayList<>();
    List<Answer> endedBodies = new ArrayList<>();
    for (Route r : table) {
      bodies.add(Answer.of(r.body(), cannedId));
      endedBodies.add(Answer.of(r.endedBody(), cannedId));
    }
    byte[] none = "{}".getBytes(StandardCharsets.UTF_8);
    // enough threads that 256 callers never queue behind a handful of server threads
    executor = Executors.newFixedThreadPool(8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.createContext("/", ex -> {
      byte[] in = ex.getRequestBody().readAllBytes();
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      if (path.startsWith(CONTROL)) {
        control(ex, path);
        return;
      }
      clientPorts.add(ex.getRemoteAddress().getPort());
      long n = requests.getAndIncrement();
      if (n < KEPT) {
        first.set((int) n, Wire.describe(method, ex.getRequestURI().toString(), in,
            headers(ex.getRequestHeaders())));
      }
      byte[] answer = none;
      int status = 405;
      for (int i = 0; i < table.size(); i++) {
        Route r = table.get(i);
        Matcher m;
        if (r.method().equals(method) && (m = r.path().matcher(path)).matches()) {
          String id = r.fresh() ? freshId() : m.groupCount() > 0 ? m.group(1) : cannedId;
          if (r.ends()) {
            ended.add(id);
          }
          Answer a = endedBodies.get(i) != null && ended.contains(id)
              ? endedBodies.get(i) : bodies.get(i);
          answer = id == null ? a.parts()[0] : a.with(id);
          status = 200;
          break;
        }
      }
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, answer.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(answer);
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  /** A UUID-shaped id from a counter: unique per server, no random source in the hot path. */
  private String freshId() {
    return String.format("00000000-0000-4000-8000-%012x", freshIds.incrementAndGet());
  }

  private static Map<String, String> headers(Headers h) {
    Map<String, String> out = new TreeMap<>();
    h.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    return out;
  }

  private void control(HttpExchange ex, String path) throws IOException {
    String body;
    if (path.endsWith("reset")) {
      reset();
      body = "{}";
    } else {
      body = Vendors.json(new Stats(requests(), connections(), firstRequests()));
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  /**
   * What the server has seen, as its control path answers it.
   *
   * @param requests requests received
   * @param connections distinct client ports
   * @param first the first requests, described
   */
  public record Stats(long requests, int connections, List<String> first) {
  }

  /**
   * Where the server listens.
   *
   * @return http://127.0.0.1:port
   */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * How many distinct client connections (source ports) the server has seen.
   *
   * @return the count
   */
  public int connections() {
    return clientPorts.size();
  }

  /**
   * How many requests the server has received.
   *
   * @return the count
   */
  public long requests() {
    return requests.get();
  }

  /**
   * The first requests received (at most 64), as {@link Wire#describe} writes them.
   *
   * @return the requests, in order
   */
  public List<String> firstRequests() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < KEPT && first.get(i) != null; i++) {
      out.add(first.get(i));
    }
    return out;
  }

  /** Forgets the requests, connections and ended ids counted and kept so far. */
  public void reset() {
    for (int i = 0; i < KEPT; i++) {
      first.set(i, null);
    }
    requests.set(0);
    clientPorts.clear();
    ended.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Runs a canned server in this JVM for a parent ({@link RemoteServer}): prints {@code PORT n},
   * then serves until its standard input closes.
   *
   * @param args the vendor (notte or stagehand), the route set (running, stopping or lifecycle)
   *     and the answers directory {@link Vendors#saveAnswers} wrote
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    System.setProperty(Vendors.ANSWERS_DIR, args[2]);
    Vendors.Answers a = Vendors.capture(args[0]);
    List<Route> routes = Vendors.routes(args[0], args[1], a);
    try (CannedServer s = new CannedServer(routes, a.id())) {
      System.out.println("PORT " + s.baseUrl().getPort());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        // the parent closes our stdin to stop us
      }
    }
  }
}
