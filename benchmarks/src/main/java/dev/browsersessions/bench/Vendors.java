package dev.browsersessions.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.bench.CannedServer.Route;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Provider configurations on loopback, and the vendors' documented answers captured once from the
 * project's simulators, as canned routes for {@link CannedServer}.
 */
public final class Vendors {

  /** The API key every simulator and server in the suite expects. */
  public static final String KEY = "bench-key";
  /** The vendors measured. */
  public static final List<String> ALL = List.of("notte", "stagehand");
  /** Wait between status reads while a stop is confirmed, on both sides. */
  public static final Duration STOP_POLL = Duration.ofMillis(1);

  /** System property naming the directory {@link #saveAnswers} wrote. */
  public static final String ANSWERS_DIR = "bench.answers.dir";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vendors() {
  }

  /**
   * The answers of one vendor for one session, as its simulator writes them.
   *
   * @param id the session id
   * @param start the answer to create
   * @param status the answer to a status read of the running session
   * @param stop the answer to the stop call (Notte stop, Stagehand end)
   * @param ended the answer to a status read after the session ended
   * @param release Browserbase's answer to {@code REQUEST_RELEASE} (Stagehand only, else null)
   */
  public record Answers(String id, String start, String status, String stop, String ended,
      String release) {
  }

  /**
   * Library configuration for a vendor.
   *
   * @param vendor notte or stagehand
   * @param base the Notte server, or the Stagehand server
   * @param browserbase the Browserbase server (Stagehand only)
   * @return the configuration
   */
  public static ProviderConfig config(String vendor, URI base, URI browserbase) {
    return vendor.equals("notte") ? notte(base) : stagehand(base, browserbase);
  }

  /**
   * Library configuration for Notte at a base URL.
   *
   * @param baseUrl the server
   * @return the configuration
   */
  public static ProviderConfig notte(URI baseUrl) {
    return isolated().put("api-key", KEY).put("base-url", baseUrl.toString())
        .put("stop-poll-interval", STOP_POLL.toMillis() + "ms").put("stop-confirm-timeout", "2s")
        .build();
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
        .put("browserbase-url", browserbase.toString()).put("live-view", "false")
        .put("stop-poll-interval", STOP_POLL.toMillis() + "ms").build();
  }

  /**
   * A library client for a vendor, without shutdown hook or stop-on-close.
   *
   * @param vendor notte or stagehand
   * @param base the Notte server, or the Stagehand server
   * @param browserbase the Browserbase server (Stagehand only)
   * @return the client
   */
  public static BrowserSessions library(String vendor, URI base, URI browserbase) {
    return BrowserSessions.builder().provider(vendor).config(config(vendor, base, browserbase))
        .shutdownHook(false).stopSessionsOnClose(false).build();
  }

  private static ProviderConfig.Builder isolated() {
    return ProviderConfig.builder().environment(Map.of()).systemProperties(new Properties());
  }

  /**
   * Captures a vendor's answers from its simulator (create, status, stop, status after stop).
   *
   * @param vendor notte or stagehand
   * @return the answers
   * @throws Exception if the simulator fails
   */
  public static Answers capture(String vendor) throws Exception {
    String dir = System.getProperty(ANSWERS_DIR);
    if (dir != null) {
      return JSON.readValue(Path.of(dir, vendor + ".json").toFile(), Answers.class);
    }
    return vendor.equals("notte") ? notteAnswers() : stagehandAnswers();
  }

  /**
   * Captures every vendor's answers once and saves them, so JMH forks read them (system property
   * {@value #ANSWERS_DIR}) instead of starting a simulator each, and all forks use the same bodies.
   *
   * @param dir where to write {@code <vendor>.json}
   * @return the JVM flag that points a fork at them
   * @throws Exception if a simulator fails or the files cannot be written
   */
  public static String saveAnswers(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (String vendor : ALL) {
      JSON.writeValue(dir.resolve(vendor + ".json").toFile(), capture(vendor));
    }
    return "-D" + ANSWERS_DIR + "=" + dir.toAbsolutePath();
  }

  /**
   * Captures and saves every vendor's answers ({@link #saveAnswers}) and points this JVM at them
   * (system property {@value #ANSWERS_DIR}), so that the canned-server JVMs it starts answer about
   * the same sessions as it asks for.
   *
   * @param dir where to write {@code <vendor>.json}
   * @throws Exception if a simulator fails or the files cannot be written
   */
  public static void useAnswers(Path dir) throws Exception {
    saveAnswers(dir);
    System.setProperty(ANSWERS_DIR, dir.toAbsolutePath().toString());
  }

  private static Answers notteAnswers() throws Exception {
    try (NotteSimulator sim = new NotteSimulator(Clock.systemUTC(), KEY)) {
      String url = sim.baseUrl().toString();
      String auth = "Bearer " + KEY;
      String start = Wire.send("POST", url + "/sessions/start", "Authorization", auth,
          BareClients.NOTTE_START);
      String id = JSON.readTree(start).path("session_id").asText();
      String status = Wire.send("GET", url + "/sessions/" + id, "Authorization", auth, null);
      String stop = Wire.send("DELETE", url + "/sessions/" + id + "/stop", "Authorization", auth,
          null);
      return new Answers(id, start, status, stop, stop, null);
    }
  }

  private static Answers stagehandAnswers() throws Exception {
    try (StagehandSimulator sim = StagehandSimulator.start(KEY)) {
      String start = Wire.send("POST", sim.stagehandUrl() + "/v1/sessions/start", "X-BB-API-Key",
          KEY, BareClients.stagehandStartBody());
      String id = JSON.readTree(start).path("data").path("sessionId").asText();
      String bb = sim.browserbaseUrl() + "/v1/sessions/" + id;
      String status = Wire.send("GET", bb, "X-BB-API-Key", KEY, null);
      String end = Wire.send("POST", sim.stagehandUrl() + "/v1/sessions/" + id + "/end",
          "X-BB-API-Key", KEY, null);
      String release = Wire.send("POST", bb, "X-BB-API-Key", KEY,
          "{\"status\":\"REQUEST_RELEASE\"}");
      String ended = status;
      for (int i = 0; i < 10 && ended.contains("\"RUNNING\""); i++) {
        ended = Wire.send("GET", bb, "X-BB-API-Key", KEY, null);
      }
      return new Answers(id, start, status, end, ended, release);
    }
  }

  /**
   * The JSON of a value.
   *
   * @param value the value
   * @return its JSON
   */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A value from JSON.
   *
   * @param json the JSON
   * @param type the value's type
   * @param <T> the type
   * @return the value
   */
  static <T> T parse(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * One of the route sets by name.
   *
   * @param vendor notte or stagehand
   * @param set running, stopping or lifecycle
   * @param a the vendor's answers
   * @return the routes
   */
  public static List<Route> routes(String vendor, String set, Answers a) {
    switch (set) {
      case "running":
        return running(vendor, a);
      case "stopping":
        return stopping(vendor, a);
      case "lifecycle":
        return lifecycle(vendor, a);
      default:
        throw new IllegalArgumentException("route set must be running, stopping or lifecycle");
    }
  }

  /**
   * Canned routes for whole lifecycles: each create answers a fresh id, status reads answer the
   * running session until its stop (Notte) or end (Stagehand), then the ended one.
   *
   * @param vendor notte or stagehand
   * @param a the vendor's answers
   * @return the routes
   */
  public static List<Route> lifecycle(String vendor, Answers a) {
    // A list answers no session: the canned server keeps none, so a create whose answer was lost
    // (the JDK server closing a kept-alive connection under load) is looked for and not found,
    // as against a vendor that never received it.
    return vendor.equals("notte")
        ? List.of(Route.of("POST", "/sessions/start", a.start()).withFreshId(),
            Route.of("DELETE", "/sessions/([^/]+)/stop", a.stop()).ending(),
            Route.of("GET", "/sessions", "[]"),
            Route.of("GET", "/sessions/([^/]+)", a.status()).endedBody(a.ended()))
        : List.of(Route.of("POST", "/v1/sessions/start", a.start()).withFreshId(),
            Route.of("POST", "/v1/sessions/([^/]+)/end", a.stop()).ending(),
            Route.of("GET", "/v1/sessions", "[]"),
            Route.of("GET", "/v1/sessions/([^/]+)", a.status()).endedBody(a.ended()),
            Route.of("POST", "/v1/sessions/([^/]+)", a.release()).ending());
  }

  /**
   * Canned routes answering a vendor's create and status instantly, with the session running.
   *
   * @param vendor notte or stagehand
   * @param a the vendor's answers
   * @return the routes
   */
  public static List<Route> running(String vendor, Answers a) {
    return vendor.equals("notte")
        ? List.of(Route.of("POST", "/sessions/start", a.start()),
            Route.of("GET", "/sessions/[^/]+", a.status()))
        : List.of(Route.of("POST", "/v1/sessions/start", a.start()),
            Route.of("GET", "/v1/sessions/[^/]+", a.status()));
  }

  /**
   * Canned routes answering a vendor's stop instantly: the stop (or end) answer and, for
   * Browserbase, status reads that say the session has ended.
   *
   * @param vendor notte or stagehand
   * @param a the vendor's answers
   * @return the routes
   */
  public static List<Route> stopping(String vendor, Answers a) {
    return vendor.equals("notte")
        ? List.of(Route.of("DELETE", "/sessions/[^/]+/stop", a.stop()),
            Route.of("GET", "/sessions/[^/]+", a.ended()))
        : List.of(Route.of("POST", "/v1/sessions/[^/]+/end", a.stop()),
            Route.of("GET", "/v1/sessions/[^/]+", a.ended()),
            Route.of("POST", "/v1/sessions/[^/]+", a.release()));
  }
}
