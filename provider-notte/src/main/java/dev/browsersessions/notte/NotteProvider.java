package dev.browsersessions.notte;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.LostCreateSettings;
import dev.browsersessions.http.LostCreates;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.http.TerminalWait;
import dev.browsersessions.http.VendorCalls;
import dev.browsersessions.http.VendorHttp;
import dev.browsersessions.notte.internal.LostSessions;
import dev.browsersessions.notte.internal.NotteApi;
import dev.browsersessions.notte.internal.NotteTimes;
import dev.browsersessions.notte.internal.SessionResponses;
import dev.browsersessions.notte.internal.StartRequests;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notte's cloud browser sessions (provider name {@code notte}), plus Notte-only extras: cookies,
 * agent stop and the legacy close of older deployments.
 *
 * <p>Users normally reach it through {@code BrowserSessions.create("notte")}; build it with {@link
 * #create(ProviderConfig)} to use the extras. Configuration keys are listed on {@link
 * NotteProviderFactory}.
 */
public final class NotteProvider implements BrowserSessionProvider {

  /** The provider's name. */
  public static final String NAME = "notte";

  /** Notte's production API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.notte.cc");

  private static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.LIST,
              Capability.IDLE_TIMEOUT,
              Capability.MAX_DURATION,
              Capability.HEADLESS,
              Capability.VIEWPORT,
              Capability.USER_AGENT,
              Capability.PROXY,
              Capability.MANAGED_PROXY,
              Capability.SOLVE_CAPTCHAS,
              Capability.CDP_URL,
              Capability.LIVE_VIEW));

  private static final int MAX_PAGES = 10_000;

  private final VendorHttp http;
  private final URI baseUrl;
  private final int pageSize;
  private final boolean legacyClose;
  private final TerminalWait stopConfirmation;
  private final LostCreates<Map<String, Object>> lostCreates;
  private final NotteApi api;
  private final VendorCalls calls;

  private NotteProvider(ProviderConfig config, Clock clock, Sleeper sleeper) {
    ProviderConfig c = config.withVendorVariable("api-key", "NOTTE_API_KEY")
        .withVendorVariable("base-url", "NOTTE_API_URL");
    String apiKey = c.requireString("api-key");
    HttpSettings settings = HttpSettings.from(c);
    this.baseUrl = settings.requireSafe(c.getUri("base-url", DEFAULT_BASE_URL), "base-url", NAME);
    this.pageSize = c.getInt("page-size", 100, 1, 1000);
    this.legacyClose = c.getBoolean("legacy-close", false);
    this.stopConfirmation = new TerminalWait(NAME,
        c.getDuration("stop-confirm-timeout", Duration.ofSeconds(30)),
        c.getDuration("stop-poll-interval", Duration.ofMillis(500)), clock, sleeper);
    this.lostCreates = new LostCreates<>(NAME, "Notte", LostCreateSettings.from(c, NAME),
        settings.requestTimeout().plus(settings.connectTimeout()), clock, sleeper,
        new LostSessions(this::activeSessions, this::stop));
    this.http = VendorHttp.builder(NAME, "Notte", settings).redact(apiKey).build();
    // Cheap: provider-http builds the mapper, the HTTP client and the Feign proxy on first use.
    this.calls = http.calls();
    this.api = http.client(NotteApi.class, baseUrl,
        t -> t.header("Authorization", "Bearer " + apiKey));
  }

  /**
   * Builds a provider from configuration; does no I/O and builds no HTTP client or JSON mapper
   * (they are built on the first call).
   *
   * @param config the configuration (bound to {@code notte} or not)
   * @return the provider
   * @throws dev.browsersessions.ProviderConfigurationException if the API key is missing or a
   *     value is invalid
   */
  public static NotteProvider create(ProviderConfig config) {
    return create(config, Clock.systemUTC());
  }

  /**
   * Builds a provider whose lost-create windows are judged on a given clock (Notte's timestamps
   * are compared with it; tests pass the simulator's clock).
   *
   * @param config the configuration (bound to {@code notte} or not)
   * @param clock the clock
   * @return the provider
   * @throws dev.browsersessions.ProviderConfigurationException if the API key is missing or a
   *     value is invalid
   */
  public static NotteProvider create(ProviderConfig config, Clock clock) {
    return create(config, clock, Sleeper.SYSTEM);
  }

  /** As {@link #create(ProviderConfig, Clock)}, waiting between polls with a given sleeper. */
  static NotteProvider create(ProviderConfig config, Clock clock, Sleeper sleeper) {
    return new NotteProvider(config.forProvider(NAME), java.util.Objects.requireNonNull(clock),
        java.util.Objects.requireNonNull(sleeper));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  /**
   * Starts a session. A create that fails after Notte may have started it (no answer, a 5xx, an
   * unreadable answer) is never retried; by {@code lost-create} (default {@code stop}) the session
   * it started is found among the active ones and stopped, and the failure says so.
   */
  @Override
  public SessionInfo create(SessionRequest request) {
    RequestChecks.requireSupported(request, CAPABILITIES, NAME);
    Map<String, Object> body = StartRequests.body(request);
    String key = StartRequests.idempotencyKey();
    LostCreates.Attempt<Map<String, Object>> attempt = lostCreates.begin(body);
    Map<String, Object> answer;
    SessionInfo info;
    try {
      answer = calls.create(() -> api.start(key, body));
    } catch (BrowserSessionException e) {
      throw lostCreates.failed(attempt, e);
    } catch (RuntimeException | Error e) {
      lostCreates.abandoned(attempt);
      throw e;
    }
    try {
      info = toInfo(answer);
    } catch (ProviderProtocolException e) {
      Optional<String> id = SessionResponses.id(answer);
      throw id.isPresent() ? lostCreates.unusable(attempt, id.get(), e)
          : lostCreates.failed(attempt, e);
    } catch (RuntimeException | Error e) {
      lostCreates.abandoned(attempt);
      throw e;
    }
    lostCreates.returned(attempt, info.id());
    return withUrls(info);
  }

  @Override
  public SessionInfo status(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    return withUrls(toInfo(calls.session(sessionId, () -> api.status(sessionId))));
  }

  /**
   * Stops a session and confirms it ended. Idempotent: a session that already ended (or a reply
   * saying it was already stopped or closed) returns its terminal state. A reply that is not
   * terminal is confirmed by reading the status until it is, within {@code stop-confirm-timeout}.
   *
   * @throws StopNotConfirmedException if Notte did not report the session ended in time
   */
  @Override
  public SessionInfo stop(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    SessionInfo answer;
    try {
      answer = legacyClose ? legacyStop(sessionId)
          : toInfo(calls.session(sessionId, () -> api.stop(sessionId)));
    } catch (SessionNotFoundException e) {
      throw e;
    } catch (BrowserSessionException e) {
      if (!saysAlreadyEnded(e)) {
        throw e;
      }
      answer = status(sessionId);
    }
    return stopConfirmation.await(sessionId, answer, SessionInfo::status, () -> toInfo(
        calls.session(sessionId, () -> api.status(sessionId))));
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    boolean onlyActive = !filter.statuses().isEmpty()
        && EnumSet.of(SessionStatus.ACTIVE, SessionStatus.PENDING).containsAll(filter.statuses());
    List<SessionInfo> all = new ArrayList<>();
    for (Object item : pages(onlyActive)) {
      all.add(toInfo(item));
    }
    return all.stream().filter(filter::matches).toList();
  }

  /**
   * Reads a session's cookies (Notte's {@code Cookie} objects, camelCase keys as on the wire).
   *
   * @param sessionId the session
   * @return the cookies
   */
  public List<Map<String, Object>> cookies(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    JsonNode answer = calls.session(sessionId, () -> api.cookies(sessionId));
    JsonNode cookies = answer == null ? null : answer.path("cookies");
    if (cookies == null || !cookies.isArray()) {
      throw new ProviderProtocolException("Notte's cookie answer has no cookies array", NAME, 200,
          answer == null ? null : answer.toString(), null);
    }
    return mapper().convertValue(cookies, new TypeReference<List<Map<String, Object>>>() {});
  }

  /**
   * Sets cookies in a session.
   *
   * @param sessionId the session
   * @param cookies Notte {@code Cookie} objects ({@code name}, {@code value}, {@code domain},
   *     {@code path}, {@code httpOnly}, ...)
   */
  public void setCookies(String sessionId, List<Map<String, Object>> cookies) {
    RequestChecks.requireValidId(sessionId);
    JsonNode answer = calls.session(
        sessionId, () -> api.setCookies(sessionId, Map.of("cookies", cookies)));
    if (answer != null && answer.path("success").isBoolean() && !answer.path("success").asBoolean()) {
      throw new BrowserSessionException(
          "Notte refused the cookies for session '" + sessionId + "': "
              + answer.path("message").asText("(no message)"), NAME);
    }
  }

  /**
   * Starts a session and loads the cookies of a JSON file (a list of Notte cookies) into it, when
   * the file exists.
   *
   * @param request the session request
   * @param cookieFile the file, e.g. one written by {@link #stopSavingCookies}
   * @return the session
   */
  public SessionInfo createWithCookies(SessionRequest request, Path cookieFile) {
    SessionInfo info = create(request);
    if (Files.exists(cookieFile)) {
      try {
        List<Map<String, Object>> cookies = mapper().readValue(cookieFile.toFile(),
            new TypeReference<List<Map<String, Object>>>() {});
        setCookies(info.id(), cookies);
      } catch (IOException | RuntimeException e) {
        stop(info.id());
        throw new BrowserSessionException(
            "Could not load cookies from " + cookieFile + " into session '" + info.id()
                + "' (the session was stopped): " + e.getMessage(), NAME, 0, false, e);
      }
    }
    return info;
  }

  /**
   * Saves a session's cookies to a JSON file, then stops the session.
   *
   * @param sessionId the session
   * @param cookieFile the file to (over)write
   * @return the session's terminal state
   */
  public SessionInfo stopSavingCookies(String sessionId, Path cookieFile) {
    List<Map<String, Object>> cookies = cookies(sessionId);
    try {
      Path tmp = Files.createTempFile(cookieFile.toAbsolutePath().getParent(), "cookies", ".tmp");
      mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), cookies);
      Files.move(tmp, cookieFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save cookies to " + cookieFile, e);
    }
    return stop(sessionId);
  }

  /**
   * Stops an agent running in a session.
   *
   * @param agentId the agent
   * @param sessionId the session it runs in
   * @return the agent's status
   */
  public AgentStatus stopAgent(String agentId, String sessionId) {
    RequestChecks.requireValidId(agentId);
    RequestChecks.requireValidId(sessionId);
    JsonNode a = calls.read(() -> api.stopAgent(agentId, sessionId));
    if (a == null || !a.path("agent_id").isTextual()) {
      throw new ProviderProtocolException("Notte's agent answer lacks agent_id", NAME, 200,
          a == null ? null : a.toString(), null);
    }
    String status = a.path("status").asText("");
    AgentStatus.State state = switch (status.toLowerCase(Locale.ROOT)) {
      case "active" -> AgentStatus.State.ACTIVE;
      case "closed" -> AgentStatus.State.CLOSED;
      default -> AgentStatus.State.UNKNOWN;
    };
    return new AgentStatus(
        a.path("agent_id").asText(),
        a.path("session_id").asText(sessionId),
        state,
        status,
        NotteTimes.instant(a.path("created_at").asText(null)),
        NotteTimes.instant(a.path("closed_at").asText(null)),
        a.path("success").isBoolean() ? Optional.of(a.path("success").asBoolean())
            : Optional.empty(),
        a.path("answer").isTextual() ? Optional.of(a.path("answer").asText()) : Optional.empty());
  }

  /**
   * Looks a last time for the lost creates that could not be resolved when they failed (other
   * creates were in flight, or looking for or stopping the session failed) and stops their
   * sessions; {@code BrowserSessions.close()} calls it after stopping the sessions it tracked.
   * Does not stop the sessions any create returned.
   *
   * @throws dev.browsersessions.SessionCleanupException naming the lost sessions found but still
   *     not stopped
   * @throws BrowserSessionException if a lost create is still unresolved (its window and request
   *     fields named; also logged as a warning)
   */
  @Override
  public void close() {
    lostCreates.close();
  }

  @Override
  public String toString() {
    return "NotteProvider[" + baseUrl + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private ObjectMapper mapper() {
    return http.mapper();
  }

  private SessionInfo toInfo(Object answer) {
    return SessionResponses.toInfo(answer, NAME);
  }

  /** Every listed session of every page, as bound JSON. */
  private List<Object> pages(boolean onlyActive) {
    List<Object> all = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      int p = page;
      Object answer = calls.read(() -> api.list(p, pageSize, onlyActive));
      Object items = answer instanceof Map<?, ?> m ? m.get("items") : answer;
      if (!(items instanceof List<?> list)) {
        throw new ProviderProtocolException(
            "Notte's session list has no items array", NAME, 200,
            answer == null ? null : String.valueOf(answer), null);
      }
      all.addAll(list);
      if (!(answer instanceof Map<?, ?> m) || !Boolean.TRUE.equals(m.get("has_next"))
          || list.isEmpty()) {
        break;
      }
    }
    return all;
  }

  /** The active sessions, as bound JSON objects (for finding a lost create's session). */
  private List<Map<?, ?>> activeSessions() {
    List<Map<?, ?>> active = new ArrayList<>();
    for (Object item : pages(true)) {
      if (item instanceof Map<?, ?> m) {
        active.add(m);
      }
    }
    return active;
  }

  /** Completes missing CDP/viewer URLs of a running session from its debug endpoint. */
  private SessionInfo withUrls(SessionInfo info) {
    if (info.isTerminal() || (info.cdpUrl().isPresent() && info.liveViewUrl().isPresent())) {
      return info;
    }
    try {
      Object debug = calls.session(info.id(), () -> api.debug(info.id()));
      return SessionResponses.withDebugUrls(debug, info);
    } catch (BrowserSessionException e) {
      return info; // the URLs are a convenience; the session itself is fine
    }
  }

  private SessionInfo legacyStop(String sessionId) {
    JsonNode answer = calls.read(() -> api.legacyClose(Map.of("session_id", sessionId)));
    if (answer != null && answer.hasNonNull("error") && !answer.path("error").asText().isBlank()) {
      throw new BrowserSessionException(
          "Notte's legacy close of session '" + sessionId + "' failed: "
              + answer.path("error").asText(), NAME);
    }
    return status(sessionId);
  }

  private static boolean saysAlreadyEnded(BrowserSessionException e) {
    String m = e.getMessage().toLowerCase(Locale.ROOT);
    return m.contains("already stopped") || m.contains("already closed");
  }
}
