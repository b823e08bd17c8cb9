package dev.browsersessions.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback server that answers every GET with one fixed JSON body, instantly: the floor against
 * which a {@code status} call is measured.
 */
public final class CannedServer implements AutoCloseable {

  private final HttpServer server;
  static {
    // Without TCP_NODELAY the JDK server's small answers wait on Nagle's algorithm.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  /**
   * Starts the server on 127.0.0.1 and an ephemeral port.
   *
   * @param body the JSON every GET receives
   * @throws IOException if the socket cannot be bound
   */
  public CannedServer(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      clientPorts.add(ex.getRemoteAddress().getPort());
      boolean get = ex.getRequestMethod().equals("GET");
      ex.getResponseHeaders().add("Content-Type", "application/json");
      byte[] answer = get ? bytes : "{}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(get ? 200 : 405, answer.length);
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

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
