package dev.browsersessions.fake;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.fake.internal.FakeSession;
import dev.browsersessions.fake.internal.FaultPlan;
import dev.browsersessions.fake.internal.SessionTemplates;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An in-memory {@link BrowserSessionProvider} named {@value #NAME}, for users' own tests: no
 * browser, no network, no cost. It behaves as the contract says a real provider does, and it lets
 * a test control time, inject failures and inspect what was called.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.startingNow();
 * FakeProvider fake = FakeProvider.builder().clock(clock).build();
 * try (BrowserSessions sessions = BrowserSessions.of(fake)) {
 *   BrowserSession s = sessions.start(SessionRequest.builder()
 *       .idleTimeout(Duration.ofMinutes(5)).build());
 *   clock.advance(Duration.ofMinutes(6));
 *   assertThat(s.refresh().status()).isEqualTo(SessionStatus.TIMED_OUT);
 *   fake.failNext(FakeOperation.STOP, 1,
 *       () -> new ProviderUnavailableException("down", "fake", 503, null));
 * }
 * }</pre>
 *
 * <p><b>Behaviour.</b>
 *
 * <ul>
 *   <li>{@link #create} returns a session with a fresh, path-safe id ({@code fake-<uuid>} unless
 *       {@link Builder#idGenerator} says otherwise), the CDP URL {@code
 *       ws://127.0.0.1:9222/devtools/browser/<id>} and the live-view URL {@code
 *       http://127.0.0.1:9222/live/<id>}. It is {@code ACTIVE} at once, or {@code PENDING} for
 *       {@link Builder#startupDelay}. Metadata is echoed; every other option requested is echoed
 *       in {@link SessionInfo#attributes()} ({@code headless}, {@code viewport}, {@code
 *       userAgent}, {@code region}, {@code proxy}, {@code proxyCountry}, {@code proxyServer} (never
 *       a password), {@code solveCaptchas}, {@code recordSession}, {@code keepAlive}, {@code
 *       providerOptionKeys}), beside {@code "fake" = true}.
 *   <li>Time is read from the {@link Clock} (by default a {@link MutableClock} that stands still
 *       until the test moves it) and evaluated lazily on every call: a session whose idle timeout
 *       or maximum duration has passed is {@code TIMED_OUT}, with {@code closedAt} the moment it
 *       expired. {@code create}, {@code status} and {@code stop} on a session count as activity
 *       and restart its idle timeout; {@link #list} and the inspection methods ({@link
 *       #sessions()}, {@link #session(String)}) do not.
 *   <li>{@link #stop} is idempotent: a session that already ended is returned as it ended, with
 *       its {@code closedAt} unchanged. Parallel stops of one session agree.
 *   <li>An unknown id fails with {@link SessionNotFoundException}; a malformed id with {@link
 *       InvalidSessionRequestException}; an option outside {@link #capabilities()} with {@link
 *       UnsupportedCapabilityException}; {@link #list} without {@link Capability#LIST} likewise.
 *   <li>{@link #close()} does not stop sessions (no provider does); the fake keeps answering
 *       afterwards, so one instance can be shared by several clients (see {@link FakeProviders}).
 * </ul>
 *
 * <p><b>Control.</b> {@link #failNext} makes the next calls of an operation throw; {@link
 * #calls()} lists every call received; {@link #endSession} ends a session from the "vendor" side;
 * {@link #reset()} forgets everything. Thread-safe.
 */
public final class FakeProvider implements BrowserSessionProvider {

  /** The provider's name. */
  public static final String NAME = "fake";

  private final Clock clock;
  private final Set<Capability> capabilities;
  private final Supplier<String> idGenerator;
  private final SessionTemplates.Urls urls;
  private final SessionTemplates.Defaults defaults;
  private final Duration startupDelay;
  private final boolean recordCalls;

  private final Map<String, FakeSession> sessions = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final FaultPlan faults = new FaultPlan(NAME);
  private final ConcurrentLinkedQueue<FakeCall> calls = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  private FakeProvider(Builder b) {
    this.clock = b.clock != null ? b.clock : MutableClock.startingNow();
    this.capabilities = Set.copyOf(b.capabilities);
    this.idGenerator = b.idGenerator;
    this.urls = new SessionTemplates.Urls(b.cdpUrlGenerator, b.liveViewUrlGenerator);
    this.defaults = new SessionTemplates.Defaults(b.defaultIdleTimeout, b.defaultMaxDuration);
    this.startupDelay = b.startupDelay;
    this.recordCalls = b.recordCalls;
  }

  /**
   * Starts a builder with the defaults: a {@link MutableClock} at the current time, every
   * capability, {@code fake-<uuid>} ids, no startup delay, no default timeouts.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every capability the fake implements: all of {@link Capability}.
   *
   * @return a new mutable set with every capability
   */
  public static Set<Capability> allCapabilities() {
    return EnumSet.allOf(Capability.class);
  }

  // --- the SPI ---------------------------------------------------------------------------------

  /**
   * The provider's name.
   *
   * @return {@value #NAME}
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * The capabilities this instance declares (all of them unless the builder chose a subset).
   *
   * @return an immutable set
   */
  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /**
   * Creates a session, after recording the call and applying any planned failure.
   *
   * @param request what to ask for
   * @return the new session
   * @throws InvalidSessionRequestException if the request is {@code null}
   * @throws UnsupportedCapabilityException if it uses an option outside {@link #capabilities()}
   */
  @Override
  public SessionInfo create(SessionRequest request) {
    Instant now = record(FakeOperation.CREATE, null, request);
    RequestChecks.requireSupported(request, capabilities, NAME);
    faults.throwIfPlanned(FakeOperation.CREATE);
    String id = newId();
    SessionInfo template =
        SessionTemplates.template(id, NAME, request, capabilities, defaults, urls, now);
    FakeSession session = new FakeSession(sequence.incrementAndGet(), template, now, startupDelay);
    if (sessions.putIfAbsent(id, session) != null) {
      throw new ProviderProtocolException(
          "The fake provider's id generator returned the id '" + id + "' twice; ids must be"
              + " unique (check FakeProvider.builder().idGenerator(...))",
          NAME, 0, null, null);
    }
    return session.observe(now);
  }

  /**
   * Reads a session's state; counts as activity while it runs.
   *
   * @param sessionId the id
   * @return its state
   * @throws InvalidSessionRequestException if the id is malformed
   * @throws SessionNotFoundException if the id is unknown
   */
  @Override
  public SessionInfo status(String sessionId) {
    Instant now = record(FakeOperation.STATUS, sessionId, null);
    FakeSession session = knownSession(FakeOperation.STATUS, sessionId);
    return session.touch(now);
  }

  /**
   * Stops a session; idempotent.
   *
   * @param sessionId the id
   * @return its terminal state; for a session that had already ended, that state unchanged
   * @throws InvalidSessionRequestException if the id is malformed
   * @throws SessionNotFoundException if the id is unknown
   */
  @Override
  public SessionInfo stop(String sessionId) {
    Instant now = record(FakeOperation.STOP, sessionId, null);
    FakeSession session = knownSession(FakeOperation.STOP, sessionId);
    return session.stop(now);
  }

  /**
   * Lists the sessions that match a filter, in creation order. Does not count as activity.
   *
   * @param filter which sessions
   * @return the matching sessions
   * @throws UnsupportedCapabilityException if this instance does not declare {@link
   *     Capability#LIST}
   */
  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    Instant now = record(FakeOperation.LIST, null, null);
    if (!capabilities.contains(Capability.LIST)) {
      throw new UnsupportedCapabilityException(Capability.LIST, NAME);
    }
    if (filter == null) {
      throw new InvalidSessionRequestException(
          "filter", "filter must not be null; use SessionFilter.all()");
    }
    faults.throwIfPlanned(FakeOperation.LIST);
    return snapshots(now).stream().filter(filter::matches).toList();
  }

  /**
   * Records the close. Sessions keep running and the fake keeps answering, as a vendor would for
   * another client.
   */
  @Override
  public void close() {
    record(FakeOperation.CLOSE, null, null);
    faults.throwIfPlanned(FakeOperation.CLOSE);
    closed = true;
  }

  // --- control for tests -----------------------------------------------------------------------

  /**
   * Makes the next {@code times} calls of an operation fail with the given exception, after
   * those already planned. A failing call is recorded in {@link #calls()}, passes the id and
   * capability checks first, and then has no effect (a failed {@code stop} leaves the session
   * running; a failed {@code create} starts nothing).
   *
   * @param operation which operation
   * @param times how many calls fail, at least 1
   * @param exception makes the exception each failing call throws (called once per call)
   * @throws IllegalArgumentException if {@code times} is less than 1
   */
  public void failNext(
      FakeOperation operation, int times, Supplier<? extends BrowserSessionException> exception) {
    faults.add(operation, times, exception);
  }

  /**
   * Makes the next call of an operation fail, as {@code failNext(operation, 1, exception)}.
   *
   * @param operation which operation
   * @param exception makes the exception to throw
   */
  public void failNext(
      FakeOperation operation, Supplier<? extends BrowserSessionException> exception) {
    failNext(operation, 1, exception);
  }

  /**
   * How many calls of an operation are still planned to fail.
   *
   * @param operation the operation
   * @return the number of planned failures
   */
  public int pendingFailures(FakeOperation operation) {
    return faults.remaining(operation);
  }

  /**
   * Every call received since creation or the last {@link #reset()} / {@link #clearCalls()}, in
   * arrival order; empty when recording is off ({@link Builder#recordCalls(boolean)}).
   *
   * @return an immutable snapshot
   */
  public List<FakeCall> calls() {
    return List.copyOf(calls);
  }

  /**
   * The recorded calls of one operation, in arrival order.
   *
   * @param operation the operation
   * @return an immutable snapshot
   */
  public List<FakeCall> calls(FakeOperation operation) {
    Objects.requireNonNull(operation, "operation");
    return calls.stream().filter(c -> c.operation() == operation).toList();
  }

  /** Forgets the recorded calls, keeping sessions and planned failures. */
  public void clearCalls() {
    calls.clear();
  }

  /**
   * Every session this provider holds, in creation order, with timeouts applied. Not recorded as
   * a call, not activity, needs no {@link Capability#LIST}.
   *
   * @return the sessions
   */
  public List<SessionInfo> sessions() {
    return snapshots(clock.instant());
  }

  /**
   * One session, with timeouts applied. Not recorded as a call and not activity.
   *
   * @param sessionId the id
   * @return the session, if this provider holds it
   */
  public Optional<SessionInfo> session(String sessionId) {
    FakeSession s = sessionId == null ? null : sessions.get(sessionId);
    return s == null ? Optional.empty() : Optional.of(s.observe(clock.instant()));
  }

  /**
   * Ends a session from the vendor's side, e.g. to simulate a browser crash ({@link
   * SessionStatus#ERROR}) or an expiry. Not recorded as a call. A session that already ended is
   * returned unchanged.
   *
   * @param sessionId the id
   * @param terminalStatus {@code CLOSED}, {@code ERROR} or {@code TIMED_OUT}
   * @param reason the close reason to report
   * @return the session's terminal state
   * @throws SessionNotFoundException if the id is unknown
   * @throws IllegalArgumentException if the status is not terminal
   */
  public SessionInfo endSession(String sessionId, SessionStatus terminalStatus, String reason) {
    Objects.requireNonNull(terminalStatus, "terminalStatus");
    Objects.requireNonNull(reason, "reason");
    if (!terminalStatus.isTerminal()) {
      throw new IllegalArgumentException(
          "endSession needs a terminal status (CLOSED, ERROR or TIMED_OUT), got " + terminalStatus);
    }
    FakeSession s = sessionId == null ? null : sessions.get(sessionId);
    if (s == null) {
      throw new SessionNotFoundException(sessionId, NAME);
    }
    return s.end(clock.instant(), terminalStatus, reason);
  }

  /**
   * The clock this provider reads.
   *
   * @return the clock given to the builder, or the default {@link MutableClock}
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Moves this provider's clock forward.
   *
   * @param duration how far, not negative
   * @throws IllegalStateException if the clock is not a {@link MutableClock}
   */
  public void advanceClock(Duration duration) {
    if (!(clock instanceof MutableClock mutable)) {
      throw new IllegalStateException(
          "advanceClock needs a MutableClock, but this fake provider reads " + clock
              + "; build it with FakeProvider.builder().clock(MutableClock.startingNow())");
    }
    mutable.advance(duration);
  }

  /**
   * Whether {@link #close()} has been called.
   *
   * @return {@code true} once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Forgets every session, recorded call and planned failure, and the closed flag. The clock is
   * left as it is.
   */
  public void reset() {
    sessions.clear();
    calls.clear();
    faults.clear();
    closed = false;
  }

  @Override
  public String toString() {
    return "FakeProvider[sessions=" + sessions.size() + ", capabilities=" + capabilities.size()
        + ", clock=" + clock + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private Instant record(FakeOperation operation, String sessionId, SessionRequest request) {
    Instant now = clock.instant();
    if (recordCalls) {
      calls.add(
          new FakeCall(
              operation, Optional.ofNullable(sessionId), Optional.ofNullable(request), now));
    }
    return now;
  }

  private FakeSession knownSession(FakeOperation operation, String sessionId) {
    RequestChecks.requireValidId(sessionId);
    faults.throwIfPlanned(operation);
    FakeSession s = sessions.get(sessionId);
    if (s == null) {
      throw new SessionNotFoundException(sessionId, NAME);
    }
    return s;
  }

  private List<SessionInfo> snapshots(Instant now) {
    return sessions.values().stream()
        .sorted(Comparator.comparingLong(FakeSession::sequence))
        .map(s -> s.observe(now))
        .toList();
  }

  private String newId() {
    String id;
    try {
      id = idGenerator.get();
      RequestChecks.requireValidId(id);
    } catch (RuntimeException e) {
      throw new ProviderProtocolException(
          "The fake provider's id generator failed or returned an invalid id: " + e.getMessage(),
          NAME, 0, null, e);
    }
    return id;
  }

  /** Options for a {@link FakeProvider}. Not thread-safe. */
  public static final class Builder {
    private Clock clock;
    private Set<Capability> capabilities = allCapabilities();
    private Supplier<String> idGenerator = () -> "fake-" + UUID.randomUUID();
    private Function<String, URI> cdpUrlGenerator =
        id -> URI.create("ws://127.0.0.1:9222/devtools/browser/" + id);
    private Function<String, URI> liveViewUrlGenerator =
        id -> URI.create("http://127.0.0.1:9222/live/" + id);
    private Duration startupDelay = Duration.ZERO;
    private Duration defaultIdleTimeout;
    private Duration defaultMaxDuration;
    private boolean recordCalls = true;

    private Builder() {}

    /**
     * Sets the clock the provider reads; pass a {@link MutableClock} to move time in tests. The
     * default is {@link MutableClock#startingNow()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Declares only these capabilities; the provider then refuses every other option with {@link
     * UnsupportedCapabilityException}, hides the CDP URL without {@link Capability#CDP_URL} and
     * the live-view URL without {@link Capability#LIVE_VIEW}. Default: all of them.
     *
     * @param capabilities the capabilities, possibly none
     * @return this builder
     */
    public Builder capabilities(Collection<Capability> capabilities) {
      Objects.requireNonNull(capabilities, "capabilities");
      this.capabilities = capabilities.isEmpty()
          ? EnumSet.noneOf(Capability.class)
          : EnumSet.copyOf(capabilities);
      return this;
    }

    /**
     * Declares only these capabilities, as {@link #capabilities(Collection)}.
     *
     * @param capabilities the capabilities
     * @return this builder
     */
    public Builder capabilities(Capability... capabilities) {
      return capabilities(List.of(capabilities));
    }

    /**
     * Declares every capability except these.
     *
     * @param excluded the capabilities to leave out
     * @return this builder
     */
    public Builder without(Capability... excluded) {
      Set<Capability> set = allCapabilities();
      set.removeAll(List.of(excluded));
      this.capabilities = set;
      return this;
    }

    /**
     * Sets how session ids are made. Each id must be unique and pass {@link
     * RequestChecks#requireValidId}; otherwise {@code create} fails with a {@link
     * ProviderProtocolException}.
     *
     * @param idGenerator makes one id per call
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /**
     * Sets how a session's CDP URL is made from its id. Default {@code
     * ws://127.0.0.1:9222/devtools/browser/<id>}.
     *
     * @param cdpUrlGenerator id to URL
     * @return this builder
     */
    public Builder cdpUrlGenerator(Function<String, URI> cdpUrlGenerator) {
      this.cdpUrlGenerator = Objects.requireNonNull(cdpUrlGenerator, "cdpUrlGenerator");
      return this;
    }

    /**
     * Sets how a session's live-view URL is made from its id. Default {@code
     * http://127.0.0.1:9222/live/<id>}.
     *
     * @param liveViewUrlGenerator id to URL
     * @return this builder
     */
    public Builder liveViewUrlGenerator(Function<String, URI> liveViewUrlGenerator) {
      this.liveViewUrlGenerator =
          Objects.requireNonNull(liveViewUrlGenerator, "liveViewUrlGenerator");
      return this;
    }

    /**
     * Keeps new sessions {@code PENDING} until the clock has moved this far past their creation.
     * Default zero: sessions are {@code ACTIVE} at once.
     *
     * @param startupDelay the delay, not negative
     * @return this builder
     */
    public Builder startupDelay(Duration startupDelay) {
      this.startupDelay = requireNotNegative(startupDelay, "startupDelay");
      return this;
    }

    /**
     * Grants this idle timeout to sessions whose request sets none. Default: none.
     *
     * @param idleTimeout a positive duration
     * @return this builder
     */
    public Builder defaultIdleTimeout(Duration idleTimeout) {
      this.defaultIdleTimeout = requirePositive(idleTimeout, "defaultIdleTimeout");
      return this;
    }

    /**
     * Grants this maximum duration to sessions whose request sets none. Default: none.
     *
     * @param maxDuration a positive duration
     * @return this builder
     */
    public Builder defaultMaxDuration(Duration maxDuration) {
      this.defaultMaxDuration = requirePositive(maxDuration, "defaultMaxDuration");
      return this;
    }

    /**
     * Whether calls are recorded for {@link FakeProvider#calls()}. Default {@code true}; turn it
     * off for long load tests so the record does not grow without bound.
     *
     * @param recordCalls whether to record
     * @return this builder
     */
    public Builder recordCalls(boolean recordCalls) {
      this.recordCalls = recordCalls;
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public FakeProvider build() {
      return new FakeProvider(this);
    }

    private static Duration requireNotNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }

    private static Duration requirePositive(Duration d, String name) {
      if (requireNotNegative(d, name).isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
