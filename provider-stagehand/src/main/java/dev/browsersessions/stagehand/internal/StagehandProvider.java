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
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import dev.browsersessions.stagehand.internal.wire.LiveUrls;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Sessions on Browserbase, started and ended through Stagehand's v3 API.
 *
 * <ul>
 *   <li>{@code create}: Stagehand {@code POST /v1/sessions/start} on the host of the requested
 *       region; {@code success:false} or {@code available:false} is an error, not a session.
 *   <li>{@code status}, {@code list}: Browserbase {@code GET /v1/sessions[/{id}]}.
 *   <li>{@code stop}: Stagehand {@code end}, then Browserbase's status; when not terminal, {@code
 *       REQUEST_RELEASE} and status reads until terminal or the stop deadline.
 * </ul>
 *
 * Thread-safe.
 */
public final class StagehandProvider implements BrowserSessionProvider {

  /** The provider's name. */
  public static final String NAME = "stagehand";

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

  private final StagehandSettings settings;
  private final StagehandApi stagehand;
  private final BrowserbaseApi browserbase;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RequestMapping requests;
  private final SessionMapping sessions;
  /** The Stagehand host each session this provider started lives on, until it is terminal. */
  private final Map<String, URI> hosts = new ConcurrentHashMap<>();

  /**
   * Creates a provider.
   *
   * @param settings the settings
   * @param stagehand the Stagehand API
   * @param browserbase the Browserbase API
   * @param mapper the JSON mapper
   * @param clock the clock for the stop deadline
   * @param sleeper waits between status reads while stopping
   */
  public StagehandProvider(
      StagehandSettings settings,
      StagehandApi stagehand,
      BrowserbaseApi browserbase,
      ObjectMapper mapper,
      Clock clock,
      Sleeper sleeper) {
    this.settings = settings;
    this.stagehand = stagehand;
    this.browserbase = browserbase;
    this.clock = clock;
    this.sleeper = sleeper;
    this.requests = new RequestMapping(mapper);
    this.sessions = new SessionMapping(mapper, NAME);
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
    RequestChecks.requireSupported(request, CAPABILITIES, NAME);
    String requestId = UUID.randomUUID().toString();
    StartRequest body = requests.toStart(request, settings, requestId);
    Optional<String> region = Optional.ofNullable(body.browserbaseSessionCreateParams().region());
    URI host = stagehandHost(region);
    StartResponse answer;
    try {
      answer = stagehand.start(host, body);
    } catch (BrowserSessionException e) {
      Optional<SessionInfo> started = mayHaveStarted(e) ? reconcile(requestId, host, e) : Optional.empty();
      if (started.isPresent()) {
        return started.get();
      }
      throw e;
    }
    StartResponse.Data data = requireStarted(answer);
    String id = data.sessionId();
    if (hosts.size() < MAX_REMEMBERED) {
      hosts.put(id, host);
    }
    Integer timeout = body.browserbaseSessionCreateParams().timeout();
    SessionInfo.Builder info = SessionInfo.builder(id, NAME, SessionStatus.ACTIVE)
        .createdAt(clock.instant())
        .cdpUrl(SessionMapping.uri(data.cdpUrl()).orElse(null))
        .maxDuration(timeout == null ? null : Duration.ofSeconds(timeout))
        .metadata(sessions.metadata(body.browserbaseSessionCreateParams().userMetadata()))
        .attribute(SessionMapping.VENDOR_STATUS, "RUNNING")
        .attribute("region", region.orElse(Regions.DEFAULT))
        .attribute("stagehand.host", host.toString());
    liveView(id).ifPresent(info::liveViewUrl);
    return info.build();
  }

  @Override
  public SessionInfo status(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    SessionInfo info = sessions.toInfo(read(sessionId), sessionId);
    if (info.isTerminal()) {
      hosts.remove(sessionId);
      return info;
    }
    if (info.status() == SessionStatus.ACTIVE) {
      Optional<URI> live = liveView(sessionId);
      if (live.isPresent()) {
        return info.toBuilder().liveViewUrl(live.get()).build();
      }
    }
    return info;
  }

  @Override
  public SessionInfo stop(String sessionId) {
    RequestChecks.requireValidId(sessionId);
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
      current = requestRelease(sessionId, current);
      current = awaitTerminal(sessionId, current);
    }
    hosts.remove(sessionId);
    return sessions.toInfo(current, sessionId);
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
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
      if (s == null || s.id() == null || s.id().isBlank()) {
        continue;
      }
      SessionInfo info = sessions.toInfo(s, s.id());
      if (filter.matches(info)) {
        found.putIfAbsent(info.id(), info);
      }
    }
  }

  @Override
  public void close() {
    try {
      stagehand.close();
    } finally {
      browserbase.close();
    }
  }

  @Override
  public String toString() {
    return "StagehandProvider[" + settings + "]";
  }

  // --------------------------------------------------------------------------------------------

  private URI stagehandHost(Optional<String> region) {
    return settings.stagehandHost(region);
  }

  /**
   * Whether a failed start may still have started a session: the request may have been processed
   * (a 5xx, a timeout, an unreadable answer), unlike a refusal or a rate limit.
   */
  private static boolean mayHaveStarted(BrowserSessionException e) {
    return e instanceof ProviderProtocolException
        || (e instanceof ProviderUnavailableException && e.httpStatus().orElse(0) != 503);
  }

  /** Finds the session a failed start may have started, by its request tag, and adopts it. */
  private Optional<SessionInfo> reconcile(
      String requestId, URI host, BrowserSessionException failure) {
    try {
      Map<String, String> tag = Map.of(RequestMapping.REQUEST_TAG, requestId);
      for (BrowserbaseSession s : browserbase.list(Optional.empty(), MetadataQuery.of(tag))) {
        if (s == null || s.id() == null || !requestId.equals(sessions.metadata(s.userMetadata())
            .get(RequestMapping.REQUEST_TAG))) {
          continue;
        }
        SessionInfo info = status(s.id());
        if (info.isTerminal()) {
          return Optional.empty();
        }
        LOG.log(Level.INFO, "Start failed ({0}) but session {1} was started; using it",
            failure.getMessage(), s.id());
        hosts.put(s.id(), host);
        return Optional.of(info.toBuilder().attribute("reconciled", Boolean.TRUE).build());
      }
    } catch (BrowserSessionException lookup) {
      failure.addSuppressed(lookup);
    }
    return Optional.empty();
  }

  private StartResponse.Data requireStarted(StartResponse answer) {
    if (answer == null) {
      throw new ProviderProtocolException(
          "Stagehand answered /v1/sessions/start with no body", NAME, 200, null, null);
    }
    if (!Boolean.TRUE.equals(answer.success())) {
      String why = answer.message() == null ? "no reason given" : answer.message();
      throw new BrowserSessionException(
          "Stagehand did not start the session (success: false): " + why, NAME, 200, false, null);
    }
    StartResponse.Data data = answer.data();
    if (data == null || data.sessionId() == null || data.sessionId().isBlank()) {
      throw new ProviderProtocolException(
          "Stagehand answered /v1/sessions/start without data.sessionId", NAME, 200,
          String.valueOf(answer), null);
    }
    if (!Boolean.TRUE.equals(data.available())) {
      String released = releaseQuietly(data.sessionId());
      throw new ProviderUnavailableException(
          "Stagehand started session '" + data.sessionId() + "' but reported no browser"
              + " available (available: false); " + released + " Try again later.",
          NAME, 200, null);
    }
    return data;
  }

  private String releaseQuietly(String sessionId) {
    try {
      browserbase.release(sessionId);
      return "it was released on Browserbase.";
    } catch (BrowserSessionException e) {
      LOG.log(Level.WARNING, "Could not release unavailable session {0}: {1}", sessionId,
          e.getMessage());
      return "releasing it on Browserbase failed (" + e.getMessage() + "), so it may run until"
          + " its timeout.";
    }
  }

  private Optional<URI> liveView(String sessionId) {
    if (!settings.liveView()) {
      return Optional.empty();
    }
    try {
      LiveUrls urls = browserbase.liveUrls(sessionId);
      return urls == null ? Optional.empty() : SessionMapping.uri(urls.debuggerFullscreenUrl());
    } catch (BrowserSessionException e) {
      // The live view is an extra: a session whose debug URL cannot be read is still usable.
      LOG.log(Level.DEBUG, "No live view for session {0}: {1}", sessionId, e.getMessage());
      return Optional.empty();
    }
  }

  private BrowserbaseSession read(String sessionId) {
    BrowserbaseSession s;
    try {
      s = browserbase.get(sessionId);
    } catch (SessionNotFoundException e) {
      throw new SessionNotFoundException(sessionId, NAME, 404);
    } catch (BrowserSessionException e) {
      if (e.httpStatus().orElse(0) == 404) {
        throw new SessionNotFoundException(sessionId, NAME, 404);
      }
      throw e;
    }
    if (s == null) {
      throw new ProviderProtocolException(
          "Browserbase answered GET /v1/sessions/" + sessionId + " with no body", NAME, 200, null,
          null);
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
    try {
      BrowserbaseSession answer = browserbase.release(sessionId);
      return answer != null && answer.status() != null ? answer : current;
    } catch (AuthenticationException | SessionNotFoundException e) {
      throw e;
    } catch (BrowserSessionException e) {
      // E.g. it ended between the read and the release: the status reads below decide.
      LOG.log(Level.DEBUG, "Release of {0} answered {1}", sessionId, e.getMessage());
      return current;
    }
  }

  private BrowserbaseSession awaitTerminal(String sessionId, BrowserbaseSession current) {
    Duration deadline = settings.stopTimeout();
    Instant until = clock.instant().plus(deadline);
    while (!isTerminal(current)) {
      Instant now = clock.instant();
      if (!now.isBefore(until)) {
        throw new StopNotConfirmedException(
            sessionId, NAME, BrowserbaseStatuses.toNeutral(current.status()), deadline.toString());
      }
      Duration wait = settings.stopPollInterval();
      Duration left = Duration.between(now, until);
      try {
        sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StopNotConfirmedException(
            sessionId, NAME, BrowserbaseStatuses.toNeutral(current.status()),
            deadline + " (interrupted)");
      }
      current = read(sessionId);
    }
    return current;
  }

  private static boolean isTerminal(BrowserbaseSession s) {
    return BrowserbaseStatuses.toNeutral(s.status()).isTerminal();
  }
}
