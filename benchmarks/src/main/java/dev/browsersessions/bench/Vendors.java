package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/** Provider configurations on loopback and the vendors' documented status bodies, captured once. */
public final class Vendors {

  /** The API key every simulator and server in the suite expects. */
  public static final String KEY = "bench-key";

  private Vendors() {
  }

  /**
   * Library configuration for Notte at a base URL.
   *
   * @param baseUrl the server
   * @return the configuration
   */
  public static ProviderConfig notte(URI baseUrl) {
    return isolated().put("api-key", KEY).put("base-url", baseUrl.toString())
        .put("stop-poll-interval", "1ms").put("stop-confirm-timeout", "2s").build();
  }

  /**
   * Library configuration for Stagehand with live view off.
   *
   * @param stagehand the Stagehand API server
   * @param browserbase the Browserbase API server
   * @return the configuration
   */
  public static ProviderConfig stagehand(URI stagehand, URI browserbase) {
    // live-view off: status is then one GET, like the bare client (with it on, a second GET
    // /debug follows each status of an active session).
    return isolated().put("api-key", KEY).put("stagehand-url", stagehand.toString())
        .put("browserbase-url", browserbase.toString()).put("live-view", "false").build();
  }

  private static ProviderConfig.Builder isolated() {
    return ProviderConfig.builder().environment(Map.of()).systemProperties(new Properties());
  }

  /**
   * A Notte {@code GET /sessions/{id}} body for an active session, as the simulator writes it.
   *
   * @return the session id and the JSON
   * @throws Exception if the simulator fails
   */
  public static String[] notteStatusBody() throws Exception {
    try (NotteSimulator sim = new NotteSimulator(Clock.systemUTC(), KEY);
        BrowserSessions lib = BrowserSessions.builder().provider("notte")
            .config(notte(sim.baseUrl())).shutdownHook(false).stopSessionsOnClose(false).build()) {
      String id = lib.start(SessionRequest.defaults()).id();
      return new String[] {id, get(sim.baseUrl() + "/sessions/" + id, "Authorization",
          "Bearer " + KEY)};
    }
  }

  /**
   * A Browserbase {@code GET /v1/sessions/{id}} body for a running session, from the simulator.
   *
   * @return the session id and the JSON
   * @throws Exception if the simulator fails
   */
  public static String[] browserbaseStatusBody() throws Exception {
    try (StagehandSimulator sim = StagehandSimulator.start(KEY);
        BrowserSessions lib = BrowserSessions.builder().provider("stagehand")
            .config(stagehand(sim.stagehandUrl(), sim.browserbaseUrl())).shutdownHook(false)
            .stopSessionsOnClose(false).build()) {
      String id = lib.start(SessionRequest.defaults()).id();
      return new String[] {id, get(sim.browserbaseUrl() + "/v1/sessions/" + id, "X-BB-API-Key",
          KEY)};
    }
  }

  private static String get(String url, String header, String value)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
        .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("simulator answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
