package dev.browsersessions.notte.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.http.LostCreateSettings;
import dev.browsersessions.http.LostCreates;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.http.TerminalWait;
import dev.browsersessions.http.VendorCalls;
import dev.browsersessions.notte.NotteSettings;
import dev.browsersessions.notte.internal.wire.LegacyCloseRequest;
import dev.browsersessions.notte.internal.wire.LegacyCloseResponse;
import dev.browsersessions.notte.internal.wire.SessionDebugResponse;
import dev.browsersessions.notte.internal.wire.SessionPage;
import dev.browsersessions.notte.internal.wire.SessionResponse;
import dev.browsersessions.notte.internal.wire.StartSessionRequest;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Notte's cloud browser sessions (provider name {@code notte}): the SPI, mapping {@link
 * SessionRequest} to Notte's start body and its answers to {@link SessionInfo}. Built by {@link
 * NotteProviders}; Notte-only operations are on {@link dev.browsersessions.notte.NotteExtras}.
 *
 * <p>Thread-safe.
 */
public final class NotteProvider implements BrowserSessionProvider {

  /** The provider's name. */
  public static final String NAME = NotteSettings.PROVIDER_NAME;

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
  private static final String START = "Notte's answer to POST /sessions/start";
  private static final String LIST = "Notte's session list";

  private final NotteSettings settings;
  private final ServerData server;
  private final NotteClient client;
  private final NotteApi api;
  private final VendorCalls calls;
  private final TerminalWait stopConfirmation;
  private final LostCreates<StartSessionRequest> lostCreates;

  /**
   * Creates the provider.
   *
   * @param settings its settings
   * @param client the wired API
   * @param server checks the ids and URLs Notte sends
   * @param inFlightWait how long a lost create's reconciliation waits for the creates in flight
   * @param clock the clock of the stop deadline and of the lost-create windows (Notte's
   *     timestamps are compared with it)
   * @param sleeper waits between polls
   */
  public NotteProvider(NotteSettings settings, NotteClient client, ServerData server,
      Duration inFlightWait, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.server = server;
    this.client = client;
    this.api = client.api();
    this.calls = client.calls();
    this.stopConfirmation = new TerminalWait(NAME, settings.stopConfirmTimeout(),
        settings.stopPollInterval(), clock, sleeper);
    this.lostCreates = new LostCreates<>(NAME, "Notte", LostCreateSettings.of(NAME,
        settings.lostCreate(), settings.lostCreateWait()),
        inFlightWait, clock, sleeper, new LostSessions(this::activeSessions, this::stop));
  }

  /**
   * The wired API, for the Notte-only operations.
   *
   * @return the client
   */
  public NotteClient client() {
    return client;
  }

  /**
   * The check of what Notte sends, for the Notte-only operations.
   *
   * @return the check
   */
  public ServerData serverData() {
    return server;
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
    return calls.within(Operation.START, () -> start(request));
  }

  private SessionInfo start(SessionRequest request) {
    RequestChecks.requireSupported(request, CAPABILITIES, NAME);
    StartSessionRequest body = StartRequests.body(request);
    String key = StartRequests.idempotencyKey();
    LostCreates.Attempt<StartSessionRequest> attempt = lostCreates.begin(body);
    SessionResponse answer = lostCreates.send(attempt, "POST /sessions/start",
        () -> calls.create(() -> api.start(key, body)));
    SessionInfo info;
    try {
      info = toInfo(answer, START);
    } catch (ProviderProtocolException e) {
      // a session named by a valid id is stopped; one named by an invalid id is looked for
      Optional<String> id = Optional.ofNullable(answer).flatMap(SessionResponse::id)
          .flatMap(ServerData::validId);
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
    return calls.within(Operation.STATUS, () -> withUrls(read(sessionId)));
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
    return calls.within(Operation.STOP, () -> stopWithin(sessionId));
  }

  private SessionInfo stopWithin(String sessionId) {
    SessionInfo answer;
    try {
      answer = settings.legacyClose() ? legacyStop(sessionId)
          : about(sessionId, calls.session(sessionId, () -> api.stop(sessionId)),
              "DELETE /sessions/" + sessionId + "/stop");
    } catch (NotteQuirks.AlreadyEnded e) {
      answer = status(sessionId); // Notte's "already stopped/closed" answer: ended before
    }
    return stopConfirmation.await(sessionId, answer, SessionInfo::status, () -> read(sessionId));
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    return calls.within(Operation.LIST, () -> listWithin(filter));
  }

  private List<SessionInfo> listWithin(SessionFilter filter) {
    boolean onlyActive = !filter.statuses().isEmpty()
        && EnumSet.of(SessionStatus.ACTIVE, SessionStatus.PENDING).containsAll(filter.statuses());
    List<SessionInfo> all = new ArrayList<>();
    for (SessionResponse item : pages(onlyActive)) {
      all.add(toInfo(item, LIST));
    }
    return all.stream().filter(filter::matches).toList();
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
    try {
      calls.within(Operation.STOP, lostCreates::close);
    } finally {
      calls.close();
    }
  }

  /** Retries and lost creates are reported to the client's listeners. */
  @Override
  public void reportTo(ProviderEvents events) {
    calls.reportTo(events);
    lostCreates.reportTo(events);
  }

  @Override
  public String toString() {
    return "NotteProvider[" + settings.baseUrl() + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private SessionInfo toInfo(SessionResponse answer, String where) {
    return SessionResponses.toInfo(answer, NAME, server, where);
  }

  /** Notte's answer about a session, checked to be about it (ProviderProtocolException). */
  private SessionInfo about(String sessionId, SessionResponse answer, String call) {
    String where = "Notte's answer to " + call;
    SessionInfo info = toInfo(answer, where);
    server.sameId(sessionId, info.id(), where);
    return info;
  }

  private SessionInfo read(String sessionId) {
    return about(sessionId, calls.session(sessionId, () -> api.status(sessionId)),
        "GET /sessions/" + sessionId);
  }

  /** Every listed session of every page. */
  private List<SessionResponse> pages(boolean onlyActive) {
    List<SessionResponse> all = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      int p = page;
      SessionPage answer = calls.read(() -> api.list(p, settings.pageSize(), onlyActive));
      if (answer == null || answer.items() == null) {
        throw ProviderProtocolException.unusable(
            "Notte's session list has no items array", NAME, 200,
            answer == null ? null : answer.excerpt());
      }
      all.addAll(answer.items());
      if (!answer.hasNext() || answer.items().isEmpty()) {
        break;
      }
    }
    return all;
  }

  /**
   * The active sessions (for finding a lost create's session); an invalid id fails the lookup
   * ({@link ProviderProtocolException}), so the lost create stays pending.
   */
  private List<SessionResponse> activeSessions() {
    List<SessionResponse> active = new ArrayList<>();
    for (SessionResponse item : pages(true)) {
      if (item != null && item.notAnObject() == null) {
        item.id().ifPresent(id -> server.id(id, LIST));
        active.add(item);
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
      SessionDebugResponse debug = calls.session(info.id(), () -> api.debug(info.id()));
      return SessionResponses.withDebugUrls(debug, info, server);
    } catch (BrowserSessionException e) {
      return info; // the URLs are a convenience; the session itself is fine
    }
  }

  private SessionInfo legacyStop(String sessionId) {
    LegacyCloseResponse answer = calls.read(() -> api.legacyClose(
        new LegacyCloseRequest(sessionId)));
    String error = answer == null ? null : answer.error();
    if (error != null && !error.isBlank()) {
      BrowserSessionException failed = BrowserSessionException.builder("Notte's legacy close of"
          + " session '" + sessionId + "' failed: " + ServerData.text(error)).provider(NAME)
          .build();
      throw NotteQuirks.saysAlreadyEnded(error) ? new NotteQuirks.AlreadyEnded(failed) : failed;
    }
    return status(sessionId);
  }
}
