package dev.browsersessions.local.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a browser's DevTools endpoint ({@code /json/version}) whether it answers, and as what. */
public final class DevToolsProbe {

  private static final Pattern BROWSER = Pattern.compile("\"Browser\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpClient http;
  private final Duration timeout;

  /**
   * Creates a probe.
   *
   * @param timeout how long one probe may take
   */
  public DevToolsProbe(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * Probes the browser behind a CDP URL.
   *
   * @param cdpUrl e.g. {@code ws://127.0.0.1:PORT/devtools/browser/UUID}
   * @return the browser's product string (e.g. {@code HeadlessChrome/156.0…}) if it answered
   */
  public Optional<String> browserVersion(URI cdpUrl) {
    try {
      URI version = new URI("http", null, cdpUrl.getHost(), cdpUrl.getPort(), "/json/version",
          null, null);
      HttpResponse<String> r =
          http.send(HttpRequest.newBuilder(version).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return Optional.empty();
      }
      Matcher m = BROWSER.matcher(r.body());
      return Optional.of(m.find() ? m.group(1) : "unknown");
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
