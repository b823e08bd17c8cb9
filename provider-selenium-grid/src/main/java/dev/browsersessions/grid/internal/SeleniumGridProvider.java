package dev.browsersessions.grid.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.grid.GridAttributes;
import dev.browsersessions.grid.SeleniumGridSettings;
import dev.browsersessions.grid.internal.wire.GraphQlAnswer;
import dev.browsersessions.grid.internal.wire.GraphQlRequest;
import dev.browsersessions.grid.internal.wire.GridSession;
import dev.browsersessions.grid.internal.wire.NewSessionAnswer;
import dev.browsersessions.grid.internal.wire.NewSessionRequest;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.LostCreateSettings;
import dev.browsersessions.http.LostCreates;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.http.VendorHttp;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.http.VendorCalls;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sessions on a Selenium Grid 4 (provider name {@code selenium-grid}).
 *
 * <ul>
 *   <li>{@code create}: W3C {@code POST /session} (waiting in the Grid's queue up to {@code
 *       queue-timeout}); the CDP URL is the Grid's per-session CDP proxy on the configured router;
 *       the WebDriver URL is the attribute {@link GridAttributes#WEBDRIVER_URL}. A create that
 *       failed after the Grid may have started the session is reconciled by provider-http's
 *       {@link LostCreates}, which finds the session by the attempt id it carries.
 *   <li>{@code status}, {@code list}: the Grid's GraphQL. The Grid forgets a session once it ends;
 *       an id it no longer runs is told apart as described on {@link #status}.
 *   <li>{@code stop}: {@code DELETE /session/{id}}, which returns once the browser quit.
 *   <li>Idle timeout and maximum duration: enforced by the provider (the Grid has neither per
 *       session), see {@link Ledger.Entry#expired}.
 * </ul>
 */
public final class SeleniumGridProvider implements BrowserSessionProvider {

  private static final String NAME = SeleniumGridSettings.PROVIDER;
  private static final String VENDOR = "Selenium Grid";

  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.LIST,
      Capability.IDLE_TIMEOUT,
      Capability.MAX_DURATION,
      Capability.HEADLESS,
      Capability.VIEWPORT,
      Capability.USER_AGENT,
      Capability.PROXY,
      Capability.METADATA,
      Capability.CDP_URL));

  /** How often the background check ends the sessions whose timeout passed. */
  private static final Duration REAP_EVERY = Duration.ofSeconds(1);

  private final SeleniumGridSettings settings;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private final VendorHttp http;
  private final GridApi api;
  private final GridApi createApi;
  private final VendorCalls calls;
  private final VendorCalls createCalls;
  private final LostCreates<String> lost;
  private final WindowFit windows;
  private final ServerData server;
  private final Ledger ledger = new Ledger();
  private final Object reaperLock = new Object();
  private ScheduledExecutorService reaper;
  private boolean closed;

  /**
   * Builds the provider; sends nothing. One short-lived daemon thread ({@code VendorHttp.warmUp})
   * prepares what the first call needs (the shared HTTP client, the JSON mapper and readers, the
   * endpoints) and holds nothing afterwards: the provider takes the shared HTTP client on its first
   * call and {@link #close()} gives it back.
   *
   * @param settings the settings
   * @param clock the clock timeouts and the lost-create wait are measured on
   * @param sleeper waits between looks for the session of a lost create
   */
  public SeleniumGridProvider(SeleniumGridSettings settings, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.clock = clock;
    HttpSettings h = HttpSettings.from(settings.http().forProvider(SeleniumGridSettings.PROVIDER));
    // A create waits in the Grid's queue: its one attempt may take queue-timeout, not request-timeout.
    // Its operation deadline covers that wait, the lost-create look and connecting, at least.
    Duration createDeadline = settings.queueTimeout().plus(settings.lostCreateWait())
        .plus(h.connectTimeout());
    HttpSettings forCreate = new HttpSettings(h.connectTimeout(), settings.queueTimeout(),
        h.maxRetries(), h.initialBackoff(), h.maxBackoff(), h.allowInsecure(),
        h.operationTimeout().compareTo(createDeadline) >= 0 ? h.operationTimeout() : createDeadline);
    Map<String, String> auth = auth(settings);
    Supplier<ObjectMapper> mapper = VendorHttp.lazyMapper(); // one for both, built on first use
    this.http = plumbing(h, mapper);
    VendorHttp createHttp = plumbing(forCreate, mapper);
    this.api = http.client(GridApi.class, settings.url(), auth);
    this.createApi = createHttp.client(GridApi.class, settings.url(), auth);
    // the first call's HttpClient, mapper and readers, off the caller's thread: one warm-up
    VendorHttp.warmUp(List.of(http, createHttp));
    this.calls = http.calls();
    this.createCalls = createHttp.calls();
    this.windows = new WindowFit(api, calls, NAME);
    this.server = new ServerData(NAME, h.allowInsecure());
    this.lost = new LostCreates<>(NAME, VENDOR,
        LostCreateSettings.of(NAME, settings.lostCreate(), settings.lostCreateWait()),
        forCreate.requestTimeout().plus(forCreate.connectTimeout()), clock, sleeper,
        new AttemptSessions(() -> list(SessionFilter.active()), this::stop));
  }

  private VendorHttp plumbing(HttpSettings h, Supplier<ObjectMapper> mapper) {
    return VendorHttp.builder(NAME, VENDOR, h)
        .mapper(mapper)
        .quirk(new GridErrors(NAME))
        .redact(settings.password().orElse(null))
        .build();
  }

  private static Map<String, String> auth(SeleniumGridSettings s) {
    if (s.username().isEmpty()) {
      return Map.of();
    }
    return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (s.username().get() + ":" + s.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
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
   * Starts a session. A create that fails after the Grid may have started the session (no
   * answer in time, a 5xx, an unusable answer) looks for the session its attempt started, by the
   * attempt id it carries in its capabilities, and stops it; the failure then says so.
   */
  @Override
  public SessionInfo create(SessionRequest request) {
    RequestChecks.requireSupported(request, CAPABILITIES, NAME);
    return createCalls.within(Operation.START, () -> start(request));
  }

  private SessionInfo start(SessionRequest request) {
    Instant now = clock.instant();
    SessionOptions options = new SessionOptions(UUID.randomUUID().toString(), owner,
        Optional.of(now), request.idleTimeout(), request.maxDuration(), request.metadata());
    NewSessionRequest body = GridRequests.body(request, settings.browser(), options, NAME);
    LostCreates.Attempt<String> attempt = lost.begin(options.attempt());
    NewSessionAnswer answer = lost.send(attempt, "POST /session",
        () -> createCalls.create(() -> createApi.newSession(body)));
    NewSessionAnswer.Value value = answer == null ? null : answer.value();
    String id = value == null ? null : value.sessionId();
    if (id == null) {
      throw lost.failed(attempt, ProviderProtocolException.unusable(
          VENDOR + "'s answer to POST /session has no sessionId", NAME, 200, null));
    }
    try {
      server.id(id, VENDOR + "'s answer to POST /session");
    } catch (ProviderProtocolException e) {
      throw lost.failed(attempt, e); // never used in a path: found by its attempt id and stopped
    }
    if (value.capabilities() == null) {
      throw lost.unusable(attempt, id, ProviderProtocolException.unusable(
          VENDOR + "'s answer to POST /session has no capabilities", NAME, 200, null));
    }
    if (request.viewport().isPresent()) {
      try {
        windows.fit(id, request.viewport().get());
      } catch (BrowserSessionException e) {
        throw lost.unusable(attempt, id, e); // stops the session: it is not what was asked for
      }
    }
    lost.returned(attempt, id);
    SessionInfo info = toInfo(id, value.capabilities(), null);
    ledger.created(info, now);
    if (request.idleTimeout().isPresent() || request.maxDuration().isPresent()) {
      startReaper();
    }
    return info;
  }

  /**
   * Reads a session. A session the Grid runs is {@code ACTIVE} (after the timeout check). The
   * Grid forgets ended sessions, so an id it does not run is:
   *
   * <ol>
   *   <li>terminal as this provider recorded it, when this instance stopped it or saw it end;
   *   <li>else terminal as the Grid remembers it: its 404 for a WebDriver command on the id says
   *       "Session was removed at T, reason R" for a while after the end (any process can read it);
   *   <li>else {@code CLOSED} ("the Grid no longer knows it") when this instance created it or saw
   *       it running;
   *   <li>else it never existed for us: {@link SessionNotFoundException}.
   * </ol>
   */
  @Override
  public SessionInfo status(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    return calls.within(Operation.STATUS, () -> read(sessionId));
  }

  private SessionInfo read(String sessionId) {
    Optional<Ledger.Entry> known = ledger.get(sessionId);
    if (known.flatMap(Ledger.Entry::ended).isPresent()) {
      return known.get().ended().get();
    }
    Optional<GridSession> running = session(sessionId);
    Ledger.Entry entry = ledger.entry(sessionId, clock.instant());
    if (running.isPresent()) {
      SessionInfo info = observed(entry, toInfo(running.get()), true);
      return info.isTerminal() ? info : alive(entry, info);
    }
    return gone(entry);
  }

  /**
   * Checks that a session the Grid lists still answers: the Grid keeps listing the sessions of a
   * node that died until its health check drops the node (minutes), so a WebDriver command is
   * sent through the router. A session whose node or browser no longer answers is {@code ERROR}.
   */
  private SessionInfo alive(Ledger.Entry entry, SessionInfo info) {
    try {
      calls.read(() -> api.currentUrl(entry.id));
      return info;
    } catch (BrowserSessionException e) {
      if (GridErrors.notFound(e)) { // the Grid dropped it meanwhile (Removed included)
        return gone(entry);
      }
      if (unreachable(e)) {
        synchronized (entry) {
          return entry.ended().orElseGet(() -> recordUnreachable(entry, e));
        }
      }
      throw e;
    }
  }

  /**
   * Stops a session ({@code DELETE /session/{id}}, which returns once the browser quit).
   * Idempotent: a session that already ended returns its terminal state, here or as the Grid
   * remembers it; an id never known throws {@link SessionNotFoundException}.
   */
  @Override
  public SessionInfo stop(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    return calls.within(Operation.STOP, () -> stopWithin(sessionId));
  }

  private SessionInfo stopWithin(String sessionId) {
    Ledger.Entry entry = ledger.entry(sessionId, clock.instant());
    Optional<String> expired = entry.last().flatMap(i -> entry.expired(i, clock.instant()));
    return expired.isPresent() ? end(entry, SessionStatus.TIMED_OUT, expired.get())
        : end(entry, SessionStatus.CLOSED, "stopped");
  }

  /**
   * Lists the sessions the Grid runs (all of them, whoever started them) and those this instance
   * saw end in the last day. Requests waiting in the Grid's queue have no session id yet and are
   * not listed.
   */
  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    return calls.within(Operation.LIST, () -> listWithin(filter));
  }

  private List<SessionInfo> listWithin(SessionFilter filter) {
    GraphQlAnswer answer = calls.read(() -> api.graphql(new GraphQlRequest(
        "{ sessionsInfo { sessions { " + GridSession.FIELDS + " } } }")));
    requireNoErrors(answer);
    List<GridSession> sessions = answer.data() == null || answer.data().sessionsInfo() == null
        || answer.data().sessionsInfo().sessions() == null ? List.of()
        : answer.data().sessionsInfo().sessions();
    Instant now = clock.instant();
    List<SessionInfo> all = new ArrayList<>();
    Set<String> running = new java.util.HashSet<>();
    for (GridSession s : sessions) {
      if (s == null || s.id() == null) {
        continue;
      }
      server.id(s.id(), VENDOR + "'s answer to GraphQL sessionsInfo"); // a hostile id fails list
      running.add(s.id());
      Ledger.Entry entry = ledger.entry(s.id(), now);
      all.add(entry.ended().orElseGet(() -> observed(entry, toInfo(s), false)));
    }
    for (Ledger.Entry e : ledger.entries()) {
      if (!running.contains(e.id) && e.ended().isPresent()) { // the Grid forgot it; we did not
        all.add(e.ended().get());
      }
    }
    return all.stream().filter(filter::matches).toList();
  }

  /**
   * Stops the timeout checks, then looks once more for the sessions of creates that failed and
   * stops them (provider-http's lost-create reconciler).
   *
   * @throws dev.browsersessions.SessionCleanupException naming the lost sessions found but still
   *     running
   * @throws BrowserSessionException if a lost create is still unresolved
   */
  @Override
  public void close() {
    synchronized (reaperLock) {
      closed = true;
      if (reaper != null) {
        reaper.shutdownNow();
        reaper = null;
      }
    }
    try {
      calls.within(Operation.STOP, lost::close);
    } finally {
      calls.close(); // gives back the shared HTTP clients (conformance R10.6)
      createCalls.close();
    }
  }

  /** Retries and lost creates are reported to the client's listeners. */
  @Override
  public void reportTo(ProviderEvents events) {
    calls.reportTo(events);
    createCalls.reportTo(events);
    lost.reportTo(events);
  }

  @Override
  public String toString() {
    return "SeleniumGridProvider[" + settings.url() + "]";
  }

  // --- status helpers ---------------------------------------------------------------------------

  /** A running session seen: ends it if a timeout passed, else records it (and the activity). */
  private SessionInfo observed(Ledger.Entry entry, SessionInfo info, boolean activity) {
    Instant now = clock.instant();
    SessionInfo merged = entry.last().map(last -> withLocalView(info, last)).orElse(info);
    entry.seen(merged);
    Optional<String> expired = entry.expired(merged, now);
    if (expired.isPresent()) {
      return end(entry, SessionStatus.TIMED_OUT, expired.get());
    }
    if (activity) {
      entry.touch(now);
    }
    return merged.toBuilder().lastActiveAt(entry.lastActive()).build();
  }

  /** Keeps what only this process knows (the create answer's attributes) in a fresh reading. */
  private static SessionInfo withLocalView(SessionInfo fresh, SessionInfo last) {
    SessionInfo.Builder b = last.toBuilder();
    fresh.attributes().forEach(b::attribute);
    return b.build();
  }

  /** An id the Grid does not run: ended (here or as the Grid remembers) or never known. */
  private SessionInfo gone(Ledger.Entry entry) {
    synchronized (entry) {
      if (entry.ended().isPresent()) {
        return entry.ended().get();
      }
      try {
        calls.read(() -> api.currentUrl(entry.id));
        // It answers although GraphQL did not list it: it just started. Read it again.
        return session(entry.id).map(s -> observed(entry, toInfo(s), true))
            .orElseGet(() -> entry.last().orElseThrow(() -> notFound(entry, null)));
      } catch (GridErrors.Removed r) {
        return recordEnd(entry, removedStatus(r.reason()), r.reason(), r.at().orElse(null));
      } catch (BrowserSessionException e) {
        if (!GridErrors.notFound(e)) {
          throw e;
        }
        if (entry.seen()) {
          return recordEnd(entry, SessionStatus.CLOSED,
              "the Grid no longer knows the session (it ended without this provider seeing why)",
              null);
        }
        throw notFound(entry, e);
      }
    }
  }

  /** Ends a session: {@code DELETE}, or what the Grid says when it already ended. */
  private SessionInfo end(Ledger.Entry entry, SessionStatus status, String reason) {
    synchronized (entry) {
      if (entry.ended().isPresent()) {
        return entry.ended().get();
      }
      try {
        calls.read(() -> api.deleteSession(entry.id));
        return recordEnd(entry, status, reason, null);
      } catch (GridErrors.Removed r) {
        return recordEnd(entry, removedStatus(r.reason()), r.reason(), r.at().orElse(null));
      } catch (BrowserSessionException e) {
        if (GridErrors.notFound(e)) {
          if (entry.seen()) {
            return recordEnd(entry,
                status == SessionStatus.TIMED_OUT ? status : SessionStatus.CLOSED,
                "the Grid no longer knows the session", null);
          }
          throw notFound(entry, e);
        }
        if (entry.seen() && unreachable(e)) {
          return recordUnreachable(entry, e);
        }
        ledger.forget(entry); // an id this instance never saw is not remembered after a failure
        throw e;
      } catch (RuntimeException e) {
        ledger.forget(entry);
        throw e;
      }
    }
  }

  /** Whether the Grid answered that the session's node or browser is gone. */
  private static boolean unreachable(BrowserSessionException e) {
    return e.httpStatus().orElse(0) >= 500 && GridErrors.sessionUnreachable(e.getMessage());
  }

  private SessionInfo recordUnreachable(Ledger.Entry entry, BrowserSessionException e) {
    return recordEnd(entry, SessionStatus.ERROR,
        "its node or browser no longer answers: " + e.getMessage(), null);
  }

  private SessionInfo recordEnd(
      Ledger.Entry entry, SessionStatus status, String reason, Instant at) {
    SessionInfo.Builder b = entry.last()
        .map(SessionInfo::toBuilder)
        .orElseGet(() -> SessionInfo.builder(entry.id, NAME, status));
    SessionInfo ended = b.status(status)
        .closedAt(at != null ? at : clock.instant())
        .closeReason(reason)
        .cdpUrl(null)
        .build();
    entry.ended(ended);
    return ended;
  }

  private SessionNotFoundException notFound(Ledger.Entry entry, Throwable cause) {
    ledger.forget(entry);
    return new SessionNotFoundException(entry.id, NAME, 404, cause);
  }

  /** The Grid's removal reason as a status. */
  static SessionStatus removedStatus(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("timed out") || r.contains("timeout")) {
      return SessionStatus.TIMED_OUT;
    }
    if (r.contains("closed normally") || r.contains("quit")) {
      return SessionStatus.CLOSED;
    }
    return SessionStatus.ERROR;
  }

  // --- GraphQL ----------------------------------------------------------------------------------

  /** The running session of an id, per GraphQL; empty when the Grid runs no such session. */
  private Optional<GridSession> session(String id) {
    // The id passed RequestChecks (letters, digits and . _ ~ : @ -): safe inside a GraphQL string.
    GraphQlAnswer answer = calls.read(() -> api.graphql(new GraphQlRequest(
        "{ session(id: \"" + id + "\") { " + GridSession.FIELDS + " } }")));
    if (answer != null && answer.errors() != null && !answer.errors().isEmpty()) {
      boolean notFound = answer.errors().stream().allMatch(e -> e != null && e.message() != null
          && e.message().contains("No ongoing session found"));
      if (notFound) {
        return Optional.empty();
      }
      requireNoErrors(answer);
    }
    GridSession s = answer == null || answer.data() == null ? null : answer.data().session();
    if (s == null || !id.equals(s.id())) {
      throw new ProviderProtocolException(
          VENDOR + "'s GraphQL answer for session '" + id + "' does not describe it", NAME, 200,
          null, null);
    }
    return Optional.of(s);
  }

  private static void requireNoErrors(GraphQlAnswer answer) {
    if (answer == null) {
      throw new ProviderProtocolException(VENDOR + " answered GraphQL with no body", NAME, 200,
          null, null);
    }
    if (answer.errors() != null && !answer.errors().isEmpty()) {
      String said = answer.errors().stream().map(e -> e == null ? "?" : bounded(e.message()))
          .reduce((a, b) -> a + "; " + b).orElse("");
      throw new ProviderProtocolException(VENDOR + " answered GraphQL with errors: " + said,
          NAME, 200, null, null);
    }
  }

  // --- mapping ----------------------------------------------------------------------------------

  private SessionInfo toInfo(GridSession s) {
    Map<String, Object> caps;
    try {
      caps = s.capabilities() == null ? Map.of()
          : http.mapper().readValue(s.capabilities(), new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException | RuntimeException e) {
      throw new ProviderProtocolException(VENDOR + "'s capabilities of session '" + s.id()
          + "' are not a JSON object", NAME, 200, null, e);
    }
    return toInfo(s.id(), caps == null ? Map.of() : caps, s);
  }

  private SessionInfo toInfo(String id, Map<String, Object> caps, GridSession s) {
    SessionOptions o = SessionOptions.from(caps);
    Instant created = o.requestedAt().orElseGet(() -> since(s));
    SessionInfo.Builder b = SessionInfo.builder(id, NAME, SessionStatus.ACTIVE)
        .createdAt(created)
        .idleTimeout(o.idleTimeout().orElse(null))
        .maxDuration(o.maxDuration().orElse(null))
        .cdpUrl(caps.get("se:cdp") instanceof String ? cdpUrl(id) : null)
        .metadata(o.tags())
        .attribute(GridAttributes.WEBDRIVER_URL, settings.url().toString())
        .attribute(GridAttributes.BROWSER_NAME, bounded(caps.get("browserName")))
        .attribute(GridAttributes.BROWSER_VERSION, bounded(caps.get("browserVersion")))
        .attribute(GridAttributes.GRID_CDP_URL, bounded(caps.get("se:cdp")))
        .attribute(GridAttributes.OWNER, o.owner().isEmpty() ? null : o.owner())
        .attribute(GridAttributes.ATTEMPT, o.attempt().isEmpty() ? null : o.attempt());
    if (s != null) {
      b.attribute(GridAttributes.NODE_ID, bounded(s.nodeId()))
          .attribute(GridAttributes.NODE_URI, bounded(s.nodeUri()));
    }
    return b.build();
  }

  private Instant since(GridSession s) {
    if (s == null || s.sessionDurationMillis() == null) {
      return null;
    }
    try {
      long ms = Long.parseLong(s.sessionDurationMillis().strip());
      return ms < 0 ? null : clock.instant().minusMillis(ms);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The Grid's CDP proxy for a session, on the configured router: the {@code se:cdp} the Grid
   * answers carries the node's idea of the Grid's address, which is wrong when a node runs without
   * {@code --grid-url} (it is kept as the attribute {@code gridCdpUrl}).
   */
  private URI cdpUrl(String id) {
    String base = settings.url().toString();
    String ws = base.startsWith("https:") ? "wss:" + base.substring(6) : "ws:" + base.substring(5);
    return URI.create(ws + "/session/" + id + "/se/cdp");
  }

  /** A text the Grid sent, one line and bounded ({@link ServerData#text}); else {@code null}. */
  private static String bounded(Object o) {
    return o instanceof String s ? ServerData.text(s) : null;
  }

  // --- timeouts ----------------------------------------------------------------

  private void startReaper() {
    synchronized (reaperLock) {
      if (reaper != null || closed) {
        return;
      }
      ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "browser-sessions-selenium-grid-timeouts");
        t.setDaemon(true);
        return t;
      });
      e.setRemoveOnCancelPolicy(true);
      e.scheduleWithFixedDelay(this::reap, REAP_EVERY.toMillis(), REAP_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
      reaper = e;
    }
  }

  /** Ends the sessions of this instance whose timeout passed. */
  private void reap() {
    Instant now = clock.instant();
    for (Ledger.Entry e : ledger.entries()) {
      if (!e.created || e.ended().isPresent() || e.last().isEmpty()) {
        continue;
      }
      Optional<String> expired = e.expired(e.last().get(), now);
      if (expired.isPresent()) {
        try {
          end(e, SessionStatus.TIMED_OUT, expired.get());
        } catch (RuntimeException ex) {
          // the next round tries again; status and stop check the timeouts themselves too
        }
      }
    }
  }
}
