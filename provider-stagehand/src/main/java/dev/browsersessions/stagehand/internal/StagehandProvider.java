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
import dev.browsersessions.http.FailureNotes;
import dev.browsersessions.http.VendorCalls;
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
import java.util.function.Supplier;

/**
 * Sessions on Browserbase, started and ended through Stagehand's v3 API.
 *
 * <ul>
 *   <li>{@code create}: Stagehand {@code POST /v1/sessions/start} on the host of the requested
 *       region; {@code success:false} or {@code available:false} is an error, not a session (the
 *       session it names is released). A start that failed after Stagehand may have acted on it
 *       is reconciled by its request tag ({@link LostStarts}): the running session is returned,
 *       or the failure says how to find it.
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
  /** Reads of a lost start's session before giving up adopting it (and releasing it). */
  private static final int ADOPT_READS = 2;

  private final StagehandSettings settings;
  private final StagehandApi stagehand;
  private final BrowserbaseApi browserbase;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RequestMapping requests;
  private final SessionMapping sessions;
  private final LostStarts lost;
  /** The Stagehand host each session this provider started lives on, until it is terminal. */
  private final Map<String, URI> hosts = new ConcurrentHashMap<>();

  /**
   * Creates a provider.
   *
   * @param settings the settings
   * @param stagehand the Stagehand API
   * @param browserbase the Browserbase API
   * @param mapper the JSON mapper, asked for on first use (building one is slow in a cold JVM)
   * @param clock the clock for the stop deadline
   * @param sleeper waits between status reads while stopping
   */
  public StagehandProvider(
      StagehandSettings settings,
      StagehandApi stagehand,
      BrowserbaseApi browserbase,
      Supplier<ObjectMapper> mapper,
      Clock clock,
      Sleeper sleeper) {
    this.settings = settings;
    this.stagehand = stagehand;
    this.browserbase = browserbase;
    this.clock = clock;
    this.sleeper = sleeper;
    this.requests = new RequestMapping(mapper);
    this.sessions = new SessionMapping(mapper, NAME);
    this.lost = new LostStarts(browserbase, sessions, settings.lostStartWait(), clock, sleeper);
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
    } catch (RuntimeException e) {
      return adoptLost(requestId, host, e);
    }
    StartResponse.Data data;
    try {
      data = requireStarted(answer);
    } catch (BrowserSessionException unusable) {
      throw endUnusable(requestId, answer, unusable);
    }
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

  /** Looks once more for the sessions of failed starts that were not found, and ends them. */
  @Override
  public void close() {
    try {
      lost.endPending();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Looking for the sessions of failed starts failed: {0}",
          e.getMessage());
    }
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
   * A start that failed without a usable answer: finds the session it may have started by its
   * request tag and returns it when it runs; otherwise throws the failure, saying what was found.
   */
  private SessionInfo adoptLost(String requestId, URI host, RuntimeException thrown) {
    BrowserSessionException failure = thrown instanceof BrowserSessionException b ? b
        : new ProviderProtocolException("Stagehand's answer to POST /v1/sessions/start could not"
            + " be handled: " + thrown, NAME, 0, null, thrown);
    if (!VendorCalls.mayHaveStartedSession(failure)) {
      throw failure;
    }
    LostStarts.Found found = lost.find(requestId, !LostStarts.answered(failure));
    if (found.session().isEmpty()) {
      throw notFound(requestId, failure, found);
    }
    String id = found.session().get().id();
    if (isTerminal(found.session().get())) {
      throw alreadyEnded(failure, id);
    }
    SessionInfo info = null;
    for (int attempt = 1; info == null; attempt++) {
      try {
        info = status(id);
      } catch (BrowserSessionException unreadable) {
        // provider-http retried what it retries; an unreadable answer is worth one more try
        if (attempt < ADOPT_READS && !(unreadable instanceof AuthenticationException)) {
          continue;
        }
        failure.addSuppressed(unreadable);
        throw FailureNotes.withNote(failure, "Stagehand started session '" + id + "' anyway but"
            + " reading it failed (" + unreadable.getMessage() + "); "
            + releaseQuietly(id, requestId));
      }
    }
    if (info.isTerminal()) {
      throw alreadyEnded(failure, id);
    }
    LOG.log(Level.INFO, "Start failed ({0}) but session {1} was started; using it",
        failure.getMessage(), id);
    hosts.put(id, host);
    return info.toBuilder().attribute("reconciled", Boolean.TRUE).build();
  }

  /**
   * A start answered but unusable (no body, {@code success: false}, no session id, {@code
   * available: false}): ends the session it names, or else the one carrying its tag.
   */
  private BrowserSessionException endUnusable(
      String requestId, StartResponse answer, BrowserSessionException unusable) {
    Optional<String> named = Optional.ofNullable(answer).map(StartResponse::data)
        .map(StartResponse.Data::sessionId).filter(id -> !id.isBlank());
    if (named.isPresent()) {
      return FailureNotes.withNote(unusable, releaseQuietly(named.get(), requestId));
    }
    LostStarts.Found found = lost.find(requestId, false);
    if (found.session().isEmpty()) {
      return found.lookupFailure().isPresent() ? notFound(requestId, unusable, found) : unusable;
    }
    BrowserbaseSession s = found.session().get();
    if (isTerminal(s)) {
      return unusable;
    }
    return FailureNotes.withNote(unusable, "Stagehand started session '" + s.id() + "' anyway; "
        + releaseQuietly(s.id(), requestId));
  }

  private static BrowserSessionException alreadyEnded(
      BrowserSessionException failure, String sessionId) {
    return FailureNotes.withNote(failure, "Stagehand started session '" + sessionId + "' anyway; it"
        + " has already ended, so nothing of this start is left running.");
  }

  private BrowserSessionException notFound(
      String requestId, BrowserSessionException failure, LostStarts.Found found) {
    lost.remember(requestId);
    found.lookupFailure().ifPresent(failure::addSuppressed);
    String looked = found.lookupFailure()
        .map(f -> "looking for it by its tag failed (" + f.getMessage() + ")")
        .orElse("no session tagged " + RequestMapping.REQUEST_TAG + "=" + requestId
            + " was found (looked " + (LostStarts.answered(failure) ? "once"
                : "for up to " + settings.lostStartWait()) + ")");
    return FailureNotes.withNote(failure, "Stagehand may have started a session anyway and " + looked
        + "; it may still run. " + LostStarts.howToFind(requestId));
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
      throw new ProviderUnavailableException(
          "Stagehand started session '" + data.sessionId() + "' but reported no browser"
              + " available (available: false); try again later.",
          NAME, 200, null);
    }
    return data;
  }

  /** Releases a session nobody was handed; says how that went, for the start's message. */
  private String releaseQuietly(String sessionId, String requestId) {
    try {
      browserbase.release(sessionId);
      hosts.remove(sessionId);
      LOG.log(Level.INFO, "Released session {0} of a failed start", sessionId);
      return "it was released on Browserbase, so nothing of this start is left running.";
    } catch (BrowserSessionException e) {
      LOG.log(Level.WARNING, "Could not release session {0} of a failed start: {1}", sessionId,
          e.getMessage());
      lost.remember(requestId);
      return "releasing it on Browserbase failed (" + e.getMessage() + "), so it may still run"
          + " until its timeout: stop it with stop(\"" + sessionId + "\"). "
          + LostStarts.howToFind(requestId);
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
