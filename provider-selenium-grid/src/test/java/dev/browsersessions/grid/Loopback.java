package dev.browsersessions.grid;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The tests' scripted HTTP servers (a canned Grid, a page to load) on a free loopback port. */
final class Loopback {

  private Loopback() {}

  /** A started server with no handlers yet; the caller adds contexts and stops it. */
  static HttpServer server() {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's base URL, {@code http://127.0.0.1:<port>}. */
  static URI url(HttpServer s) {
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  /** Answers an exchange with a status, a content type and a UTF-8 body, and closes it. */
  static void answer(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** Answers JSON as the Grid does ({@code application/json; charset=utf-8}). */
  static void json(HttpExchange exchange, int status, String json) throws IOException {
    answer(exchange, status, "application/json; charset=utf-8", json);
  }
}
