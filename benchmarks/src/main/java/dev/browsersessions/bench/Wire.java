package dev.browsersessions.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** Raw HTTP for capturing vendor bodies from the simulators, and request descriptions. */
public final class Wire {

  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Wire() {
  }

  /** A 64-hex-digit random value, such as an idempotency key. */
  private static final Pattern RANDOM_HEX = Pattern.compile("\\b[0-9a-f]{64}\\b");

  /**
   * Describes a request as {@code METHOD uri body [headers]} with every UUID (session ids, owner
   * and request tags) replaced by {@code <uuid>} and every 64-digit hex value (idempotency keys)
   * by {@code <random>}, so requests of the two clients compare equal when they carry the same
   * JSON and the same headers.
   *
   * @param method the HTTP method
   * @param uri the request URI (path and query)
   * @param body the request body
   * @param headers the request headers, names in lower case, sorted
   * @return the description
   */
  public static String describe(String method, String uri, byte[] body,
      Map<String, String> headers) {
    String text = method + " " + uri + (body.length == 0 ? "" : " "
        + new String(body, StandardCharsets.UTF_8)) + " " + headers;
    return RANDOM_HEX.matcher(UUID.matcher(text).replaceAll("<uuid>")).replaceAll("<random>");
  }

  /**
   * Sends one request and returns the body of a 2xx answer.
   *
   * @param method the HTTP method
   * @param url the URL
   * @param header the authentication header's name
   * @param value its value
   * @param json the JSON body, or null for none
   * @return the answer's body
   */
  public static String send(String method, String url, String header, String value,
      String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header(header, value);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "simulator answered " + r.statusCode() + " to " + method + " " + url + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
