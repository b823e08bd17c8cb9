package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.http.LostCreateSettings;
import dev.browsersessions.http.LostCreates;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.http.TerminalWait;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import dev.browsersessions.stagehand.StagehandSettings;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import dev.browsersessions.stagehand.internal.wire.LiveUrls;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sessions on Browserbase, started and ended through Stagehand's v3 API.
 *
 * <ul>
 *   <li>{@code create}: Stagehand {@code POST /v1/sessions/start} on the host of the requested
 *       region; {@code success:false} or {@code available:false} is an error, not a session (the
 *       session it names is stopped). A start that failed after Stagehand may have acted on it
 *       is reconciled by provider-http's {@link LostCreates}, which finds its session by the
 *       request tag ({@link TaggedSessions}) and stops it; the failure says what was found.
 *   <li>{@code status}, {@code list}: Browserbase {@code GET /v1/sessions[/{id}]}.
 *   <li>{@code stop}: Stagehand {@code end}, then Browserbase's status; when not terminal, {@code
 *       REQUEST_RELEASE} and status reads until terminal or the stop deadline.
 * </ul>
 *
 * Thread-safe.
 */
public final class StagehandProvider implements BrowserSessionProvider {

  /** The provider's name. */
  public static final String NAME = StagehandSettings.PROVIDER_NAME;

  /** What this provider implements. */
  public static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
      Capability.MAX_DURATION,
      Capability.VIEWPORT,
      Capability.PROXY,
      Capability.MANAGED_PROXY,
      Capability.REGION,
      Capability.SOLVE_CAPTCHAS,
      Capability.RECORDING,
      Capability.KEEP_ALIVE,
      Capability.METADATA,
      Capability.LIST,
      Capability.CDP_URL,
      Capability.LIVE_VIEW));

  private static final System.Logger LOG = System.getLogger(StagehandProvider.class.getName());
  private static final int MAX_REMEMBERED = 10_000;
  private static final String START = "Stagehand's answer to POST /v1/sessions/start";

  private final StagehandSettings settings;
  private final ServerData server;
  private final StagehandApi stagehand;
  private final BrowserbaseApi browserbase;
  private final Clock clock;
  private final RequestMapping requests;
  private final SessionMapping sessions;
  private final TerminalWait stopConfirmation;
  private final LostCreates<String> lost;
  /** The Stagehand host each session this provider started lives on, until it is terminal. */
  private final Map<String, URI> hosts = new ConcurrentHashMap<>();

  /**
   * Creates a provider.
   *
   * @param settings the settings
   * @param stagehand the Stagehand API
   * @param browserbase the Browserbase API
   * @param server checks the ids and URLs the two APIs send
   * @param mapper the JSON mapper, asked for on first use (building one is slow in a cold JVM)
   * @param clock the clock for the stop deadline and the lost-create wait
   * @param sleeper waits between status reads while stopping, and between looks for a lost start
   * @param inFlightWait how long a lost start's reconciliation waits for the starts in flight
   */
  public StagehandProvider(
      StagehandSettings settings,
      StagehandApi stagehand,
      BrowserbaseApi browserbase,
      ServerData server,
      Supplier<ObjectMapper> mapper,
      Clock clock,
      Sleeper sleeper,
      Duration inFlightWait) {
    this.settings = settings;
    this.server = server;
    this.stagehand = stagehand;
    this.browserbase = browserbase;
    this.clock = clock;
    this.requests = new RequestMapping(mapper);
    this.sessions = new SessionMapping(mapper, NAME, server);
    this.stopConfirmation = new TerminalWait(NAME, settings.stopTimeout(),
        settings.stopPollInterval(), clock, sleeper);
    this.lost = new LostCreates<>(NAME, "Stagehand", LostCreateSettings.of(NAME,
        settings.lostCreate(), settings.lostCreateWait()),
        inFlightWait, clock, sleeper, new TaggedSessions(browserbase, sessions, this::stop));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    return stagehand.within(Operation.START, () -> start(request));
  }

  private SessionInfo start(SessionRequest request) {
    RequestChecks.requireSupported(request, CAPABILITIES, NAME);
    String requestId = UUID.randomUUID().toString();
    StartRequest body = requests.toStart(request, settings, requestId);
    Optional<String> region = Optional.ofNullable(body.browserbaseSessionCreateParams().region());
    URI host = settings.stagehandHost(region);
    LostCreates.Attempt<String> attempt = lost.begin(requestId);
    StartResponse answer = lost.send(attempt, "POST /v1/sessions/start",
        () -> stagehand.start(host, body));
    StartResponse.Data data;
    try {
      data = requireStarted(answer);
    } catch (BrowserSessionException unusable) {
      // a session named by a valid id is stopped; one named by an invalid id is looked for
      Optional<String> named = ServerData.validId(
          answer == null || answer.data() == null ? null : answer.data().sessionId());
      throw named.isPresent() ? lost.unusable(attempt, named.get(), unusable)
          : lost.failed(attempt, unusable);
    }
    String id = data.sessionId();
    SessionInfo info;
    try {
      info = started(id, host, region, data, body);
    } catch (ProviderProtocolException unusable) {
      throw lost.unusable(attempt, id, unusable);
    }
    lost.returned(attempt, id);
    if (hosts.size() < MAX_REMEMBERED) {
      hosts.put(id, host);
    }
    return info;
  }

  /**
   * The session a start returned, as Browserbase describes it ({@code GET /v1/sessions/{id}}): its
   * {@code createdAt} and {@code expiresAt} come from the vendor's clock, as on every other read
   * path; the start's CDP URL is kept. When that read fails the session still runs and is
   * returned as the start described it, stamped with this provider's clock.
   *
   * @throws ProviderProtocolException if Browserbase answers about another session
   */
  private SessionInfo started(String id, URI host, Optional<String> region,
      StartResponse.Data data, StartRequest body) {
    BrowserbaseSession described = null;
    try {
      described = fetch(id);
    } catch (BrowserSessionException e) {
      LOG.log(Level.DEBUG, "Session {0} started; reading it from Browserbase failed ({1}):"
          + " described from the start's answer", id, e.getMessage());
    }
    SessionInfo.Builder info;
    if (described != null) {
      info = sessions.toInfo(sessions.about(id, described, "GET /v1/sessions/" + id), id)
          .toBuilder();
    } else {
      Integer timeout = body.browserbaseSessionCreateParams().timeout();
      info = SessionInfo.builder(id, NAME, SessionStatus.ACTIVE)
          .createdAt(clock.instant())
          .maxDuration(timeout == null ? null : Duration.ofSeconds(timeout))
          .metadata(sessions.metadata(body.browserbaseSessionCreateParams().userMetadata()))
          .attribute(SessionMapping.VENDOR_STATUS, "RUNNING");
    }
    server.cdpUrl(info, data.cdpUrl()); // the start's, freshly signed
    info.attribute("region", region.orElse(Regions.DEFAULT))
        .attribute("stagehand.host", host.toString());
    liveView(id).ifPresent(url -> server.liveViewUrl(info, url));
    return info.build();
  }

  @Override
  public SessionInfo status(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    return stagehand.within(Operation.STATUS, () -> statusWithin(sessionId));
  }

  private SessionInfo statusWithin(String sessionId) {
    SessionInfo info = sessions.toInfo(read(sessionId), sessionId);
    if (info.isTerminal()) {
      hosts.remove(sessionId);
      return info;
    }
    if (info.status() == SessionStatus.ACTIVE) {
      Optional<String> live = liveView(sessionId);
      if (live.isPresent()) {
        return server.liveViewUrl(info.toBuilder(), live.get()).build();
      }
    }
    return info;
  }

  @Override
  public SessionInfo stop(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    return stagehand.within(Operation.STOP, () -> stopWithin(sessionId));
  }

  private SessionInfo stopWithin(String sessionId) {
    URI host = settings.stagehandUrl().orElse(hosts.get(sessionId));
    if (host == null) {
      // Not started here: Browserbase says where it runs (and whether it exists or has ended).
      BrowserbaseSession known = read(sessionId);
      if (BrowserbaseStatuses.toNeutral(known.status()).isTerminal()) {
        return sessions.toInfo(known, sessionId);
      }
      host = settings.stagehandHost(Optional.ofNullable(known.region()));
    }
    endOnStagehand(host, sessionId);
    BrowserbaseSession current = read(sessionId);
    if (!isTerminal(current)) {
      current = stopConfirmation.await(sessionId, requestRelease(sessionId, current),
          s -> BrowserbaseStatuses.toNeutral(s.status()), () -> read(sessionId));
    }
    hosts.remove(sessionId);
    return sessions.toInfo(current, sessionId);
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    return stagehand.within(Operation.LIST, () -> listWithin(filter));
  }

  private List<SessionInfo> listWithin(SessionFilter filter) {
    List<Optional<String>> statuses = new ArrayList<>();
    if (filter.statuses().isEmpty() || filter.statuses().contains(SessionStatus.UNKNOWN)) {
      statuses.add(Optional.empty());
    } else {
      filter.statuses().stream()
          .map(BrowserbaseStatuses::toVendor)
          .distinct()
          .sorted((a, b) -> a.orElse("").compareTo(b.orElse("")))
          .forEach(statuses::add);
    }
    Optional<String> query = MetadataQuery.of(filter.metadata());
    Map<String, SessionInfo> found = new LinkedHashMap<>();
    try {
      for (Optional<String> status : statuses) {
        collect(browserbase.list(status, query), filter, found);
      }
    } catch (InvalidSessionRequestException e) {
      if (statuses.stream().allMatch(Optional::isEmpty)) {
        throw e;
      }
      // A status Browserbase does not filter on (PENDING is newer than its docs): ask for
      // everything once and filter here.
      LOG.log(Level.DEBUG, "list by status refused: {0}", e.getMessage());
      found.clear();
      collect(browserbase.list(Optional.empty(), query), filter, found);
    }
    return List.copyOf(found.values());
  }

  private void collect(
      List<BrowserbaseSession> page, SessionFilter filter, Map<String, SessionInfo> found) {
    if (page == null) {
      return;
    }
    for (BrowserbaseSession s : page) {
      Optional<String> id = sessions.listedId(s);
      if (id.isEmpty()) {
        continue;
      }
      SessionInfo info = sessions.toInfo(s, id.get());
      if (filter.matches(info)) {
        found.putIfAbsent(info.id(), info);
      }
    }
  }

  /**
   * Looks a last time for the sessions of failed starts that could not be resolved when they
   * failed and stops them (provider-http's lost-create reconciler), then releases the clients.
   *
   * @throws dev.browsersessions.SessionCleanupException naming the lost sessions found but still
   *     not stopped
   * @throws BrowserSessionException if a lost start is still unresolved
   */
  @Override
  public void close() {
    try {
      stagehand.within(Operation.STOP, () -> {
        lost.close();
        return null;
      });
    } finally {
      try {
        stagehand.close();
      } finally {
        browserbase.close();
      }
    }
  }

  /** Retries and lost starts are reported to the client's listeners. */
  @Override
  public void reportTo(ProviderEvents events) {
    lost.reportTo(events);
    stagehand.reportTo(events);
    browserbase.reportTo(events);
  }

  @Override
  public String toString() {
    return "StagehandProvider[" + settings + "]";
  }

  // --------------------------------------------------------------------------------------------

  private StartResponse.Data requireStarted(StartResponse answer) {
    if (answer == null) {
      throw ProviderProtocolException.unusable(
          "Stagehand answered /v1/sessions/start with no body", NAME, 200, null);
    }
    if (!Boolean.TRUE.equals(answer.success())) {
      String why = answer.message() == null ? "no reason given"
          : ServerData.text(answer.message());
      // Stagehand's own word, but a session may exist anyway: reconciled by its tag
      throw BrowserSessionException.builder(
          "Stagehand did not start the session (success: false): " + why)
          .provider(NAME).httpStatus(200).outcomeUnknown().build();
    }
    StartResponse.Data data = answer.data();
    if (data == null || data.sessionId() == null || data.sessionId().isBlank()) {
      throw ProviderProtocolException.unusable(
          "Stagehand answered /v1/sessions/start without data.sessionId", NAME, 200,
          String.valueOf(answer));
    }
    server.id(data.sessionId(), START);
    if (!Boolean.TRUE.equals(data.available())) {
      throw ProviderUnavailableException.answered(
          "Stagehand started session '" + data.sessionId() + "' but reported no browser"
              + " available (available: false); try again later.",
          NAME, 200);
    }
    return data;
  }

  /** The live-view URL as Browserbase sent it, unchecked. */
  private Optional<String> liveView(String sessionId) {
    if (!settings.liveView()) {
      return Optional.empty();
    }
    try {
      LiveUrls urls = browserbase.liveUrls(sessionId);
      return urls == null ? Optional.empty() : Optional.ofNullable(urls.debuggerFullscreenUrl());
    } catch (BrowserSessionException e) {
      // The live view is an extra: a session whose debug URL cannot be read is still usable.
      LOG.log(Level.DEBUG, "No live view for session {0}: {1}", sessionId, e.getMessage());
      return Optional.empty();
    }
  }

  /** Browserbase's answer about the session, checked to be about it. */
  private BrowserbaseSession read(String sessionId) {
    return sessions.about(sessionId, fetch(sessionId), "GET /v1/sessions/" + sessionId);
  }

  /**
   * Browserbase's answer about the session, not yet checked.
   *
   * @throws SessionNotFoundException if Browserbase does not know it ({@link BrowserbaseApi#get})
   */
  private BrowserbaseSession fetch(String sessionId) {
    BrowserbaseSession s = browserbase.get(sessionId);
    if (s == null) {
      throw ProviderProtocolException.unusable(
          "Browserbase answered GET /v1/sessions/" + sessionId + " with no body", NAME, 200, null);
    }
    return s;
  }

  private void endOnStagehand(URI host, String sessionId) {
    try {
      stagehand.end(host, sessionId);
    } catch (AuthenticationException e) {
      throw e;
    } catch (BrowserSessionException e) {
      int status = e.httpStatus().orElse(0);
      // 404: Stagehand no longer (or never) knew it; 409: its browser is not running;
      // unavailable: Stagehand is down. Browserbase decides in all three cases.
      if (status != 404 && status != 409 && !(e instanceof SessionNotFoundException)
          && !e.isRetryable()) {
        throw e;
      }
      LOG.log(Level.DEBUG, "Stagehand end of {0} answered {1}; asking Browserbase", sessionId,
          e.getMessage());
    }
  }

  private BrowserbaseSession requestRelease(String sessionId, BrowserbaseSession current) {
    BrowserbaseSession answer;
    try {
      answer = browserbase.release(sessionId);
    } catch (AuthenticationException | SessionNotFoundException e) {
      throw e;
    } catch (BrowserSessionException e) {
      // E.g. it ended between the read and the release: the status reads below decide.
      LOG.log(Level.DEBUG, "Release of {0} answered {1}", sessionId, e.getMessage());
      return current;
    }
    if (answer == null || answer.status() == null) {
      return current;
    }
    return sessions.about(sessionId, answer, "POST /v1/sessions/" + sessionId);
  }

  private static boolean isTerminal(BrowserbaseSession s) {
    return BrowserbaseStatuses.toNeutral(s.status()).isTerminal();
  }
}
