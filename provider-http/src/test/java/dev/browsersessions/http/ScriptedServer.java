package dev.browsersessions.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A loopback HTTP server answering from a script, recording every request. */
final class ScriptedServer implements AutoCloseable {

  /** One scripted answer; its body is sent in its charset. */
  record Answer(int status, Map<String, String> headers, String body, boolean hang,
      Charset charset) {
    static Answer of(int status, String body) {
      return of(status, body, Map.of("Content-Type", "application/json"));
    }

    static Answer of(int status, String body, Map<String, String> headers) {
      return new Answer(status, headers, body, false, StandardCharsets.UTF_8);
    }

    /** A JSON answer encoded in {@code charset}, which its {@code Content-Type} names. */
    static Answer encoded(int status, String body, Charset charset) {
      return new Answer(status, Map.of("Content-Type", "application/json; charset="
          + charset.name().toLowerCase(java.util.Locale.ROOT)), body, false, charset);
    }

    static Answer hanging() {
      return new Answer(0, Map.of(), "", true, StandardCharsets.UTF_8);
    }
  }

  /** One received request. */
  record Received(String method, String path, String query, Map<String, List<String>> headers,
      String body) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  final List<Received> received = new CopyOnWriteArrayList<>();
  /** The client ports the requests came from: one per connection. */
  final java.util.Set<Integer> ports = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final CountDownLatch release = new CountDownLatch(1);

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  ScriptedServer then(Answer a) {
    script.add(a);
    return this;
  }

  private void handle(HttpExchange ex) throws IOException {
    ports.add(ex.getRemoteAddress().getPort());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
        ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()), body));
    Answer a = script.poll();
    if (a == null) {
      a = Answer.of(500, "{\"message\":\"script exhausted\"}");
    }
    if (a.hang()) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    byte[] bytes = a.body().getBytes(a.charset());
    a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
