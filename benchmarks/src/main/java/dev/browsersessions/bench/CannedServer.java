package dev.browsersessions.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A loopback server that answers each route with one fixed JSON body, instantly: the floor against
 * which a call is measured. It counts requests and keeps the first few (method, path, body) so the
 * suite can check that both clients send the same requests.
 */
public final class CannedServer implements AutoCloseable {

  /** How many requests the server keeps for {@link #firstRequests()}. */
  private static final int KEPT = 64;

  static {
    // Without TCP_NODELAY the JDK server's small answers wait on Nagle's algorithm.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * One route: the first whose method and path match answers.
   *
   * @param method the HTTP method
   * @param path a regular expression the whole raw path must match
   * @param body the JSON answered with status 200
   */
  public record Route(String method, Pattern path, String body) {

    /**
     * A route.
     *
     * @param method the HTTP method
     * @param pathRegex the path, as a regular expression
     * @param body the JSON answer
     * @return the route
     */
    public static Route of(String method, String pathRegex, String body) {
      return new Route(method, Pattern.compile(pathRegex), body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final List<String> first = Collections.synchronizedList(new ArrayList<>());

  /**
   * Starts a server that answers every GET with one body.
   *
   * @param body the JSON every GET receives
   * @throws IOException if the socket cannot be bound
   */
  public CannedServer(String body) throws IOException {
    this(List.of(Route.of("GET", ".*", body)));
  }

  /**
   * Starts the server on 127.0.0.1 and an ephemeral port; unmatched requests get 405.
   *
   * @param routes the answers, first match wins
   * @throws IOException if the socket cannot be bound
   */
  public CannedServer(List<Route> routes) throws IOException {
    List<Route> table = List.copyOf(routes);
    List<byte[]> bodies = table.stream().map(r -> r.body().getBytes(StandardCharsets.UTF_8))
        .toList();
    byte[] none = "{}".getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] in = ex.getRequestBody().readAllBytes();
      clientPorts.add(ex.getRemoteAddress().getPort());
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      if (requests.incrementAndGet() <= KEPT) {
        first.add(Wire.describe(method, ex.getRequestURI().toString(), in));
      }
      byte[] answer = none;
      int status = 405;
      for (int i = 0; i < table.size(); i++) {
        Route r = table.get(i);
        if (r.method().equals(method) && r.path().matcher(path).matches()) {
          answer = bodies.get(i);
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
    synchronized (first) {
      return List.copyOf(first);
    }
  }

  /** Forgets the requests counted and kept so far. */
  public void reset() {
    synchronized (first) {
      first.clear();
      requests.set(0);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
