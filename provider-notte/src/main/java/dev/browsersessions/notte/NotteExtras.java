package dev.browsersessions.notte;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.notte.internal.NotteClient;
import dev.browsersessions.notte.internal.NotteProvider;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.internal.NotteTimes;
import dev.browsersessions.notte.internal.wire.AgentStatusResponse;
import dev.browsersessions.notte.internal.wire.Cookies;
import dev.browsersessions.notte.internal.wire.SetCookiesResponse;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notte-only operations beside the common API: cookies, cookie files and agent stop, on a {@code
 * notte} provider of its own. {@link #provider()} is that provider, for {@code
 * BrowserSessions.of(extras.provider())}:
 *
 * <pre>{@code
 * NotteExtras notte = NotteExtras.create(ProviderConfig.empty()); // NOTTE_API_KEY from the env
 * try (BrowserSessions sessions = BrowserSessions.of(notte.provider())) {
 *   SessionInfo s = notte.createWithCookies(SessionRequest.defaults(), Path.of("cookies.json"));
 *   ...
 *   notte.stopSavingCookies(s.id(), Path.of("cookies.json"));
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class NotteExtras implements AutoCloseable {

  private static final String NAME = NotteSettings.PROVIDER_NAME;

  private final NotteProvider provider;
  private final NotteClient client;

  private NotteExtras(NotteProvider provider) {
    this.provider = provider;
    this.client = provider.client();
  }

  /**
   * Builds the extras and their provider from configuration; sends nothing (see {@link
   * #create(NotteSettings)}).
   *
   * @param config the configuration (bound to {@code notte} or not)
   * @return the extras
   * @throws dev.browsersessions.ProviderConfigurationException if the API key is missing or a
   *     value is invalid
   */
  public static NotteExtras create(ProviderConfig config) {
    return new NotteExtras(NotteProviders.create(config));
  }

  /**
   * Builds the extras and their provider from settings, with provider-http's default timeouts and
   * retries; sends nothing. The provider's build starts a short-lived daemon thread that prepares
   * its first call (the shared HTTP client included, which it does not keep); {@link #close()}
   * gives back what its calls took.
   *
   * @param settings the settings
   * @return the extras
   */
  public static NotteExtras create(NotteSettings settings) {
    return new NotteExtras(NotteProviders.create(settings,
        HttpSettings.from(ProviderConfig.empty().forProvider(NAME)), Clock.systemUTC(),
        Sleeper.SYSTEM));
  }

  /** As {@link #create(ProviderConfig)}, waiting on a given clock and sleeper (tests). */
  static NotteExtras create(ProviderConfig config, Clock clock, Sleeper sleeper) {
    return new NotteExtras(NotteProviders.create(config, clock, sleeper));
  }

  /**
   * The {@code notte} provider these extras work with.
   *
   * @return the provider
   */
  public BrowserSessionProvider provider() {
    return provider;
  }

  /**
   * Reads a session's cookies (Notte's {@code Cookie} objects, camelCase keys as on the wire).
   *
   * @param sessionId the session
   * @return the cookies
   */
  public List<Map<String, Object>> cookies(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    Cookies answer = client.calls().session(sessionId, () -> client.api().cookies(sessionId));
    if (answer == null || answer.cookies() == null) {
      throw ProviderProtocolException.unusable("Notte's cookie answer has no cookies array", NAME,
          200, String.valueOf(answer));
    }
    return answer.cookies();
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
    SetCookiesResponse answer = client.calls().session(
        sessionId, () -> client.api().setCookies(sessionId, new Cookies(cookies)));
    if (answer != null && Boolean.FALSE.equals(answer.success())) {
      throw BrowserSessionException.builder("Notte refused the cookies for session '" + sessionId
          + "': " + Optional.ofNullable(ServerData.text(answer.message())).orElse("(no message)"))
          .provider(NAME).build();
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
    SessionInfo info = provider.create(request);
    if (Files.exists(cookieFile)) {
      try {
        List<Map<String, Object>> cookies = client.mapper().get().readValue(cookieFile.toFile(),
            new TypeReference<List<Map<String, Object>>>() {});
        setCookies(info.id(), cookies);
      } catch (IOException | RuntimeException e) {
        provider.stop(info.id());
        throw BrowserSessionException.builder("Could not load cookies from " + cookieFile
            + " into session '" + info.id() + "' (the session was stopped): " + e.getMessage())
            .provider(NAME).cause(e).build();
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
      client.mapper().get().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), cookies);
      Files.move(tmp, cookieFile, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save cookies to " + cookieFile, e);
    }
    return provider.stop(sessionId);
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
    AgentStatusResponse a = client.calls().read(() -> client.api().stopAgent(agentId, sessionId));
    if (a == null || a.agentId() == null) {
      throw ProviderProtocolException.unusable("Notte's agent answer lacks agent_id", NAME, 200,
          String.valueOf(a));
    }
    String where = "Notte's answer to DELETE /agents/" + agentId + "/stop";
    provider.serverData().sameId(agentId, a.agentId(), where);
    provider.serverData().sameId(sessionId, a.sessionId(), where);
    String status = a.status() == null ? "" : ServerData.text(a.status());
    AgentStatus.State state = switch (status.toLowerCase(Locale.ROOT)) {
      case "active" -> AgentStatus.State.ACTIVE;
      case "closed" -> AgentStatus.State.CLOSED;
      default -> AgentStatus.State.UNKNOWN;
    };
    return new AgentStatus(agentId, sessionId, state,
        status, NotteTimes.instant(a.createdAt()), NotteTimes.instant(a.closedAt()),
        Optional.ofNullable(a.success()),
        a.answer() instanceof String text ? Optional.of(text) : Optional.empty());
  }

  /**
   * Closes the provider (its lost-create bookkeeping; see {@link BrowserSessionProvider#close()}).
   */
  @Override
  public void close() {
    provider.close();
  }

  @Override
  public String toString() {
    return "NotteExtras[" + provider + "]";
  }
}
