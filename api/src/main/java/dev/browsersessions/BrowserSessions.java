package dev.browsersessions;

import dev.browsersessions.internal.Listeners;
import dev.browsersessions.internal.ProviderSelection;
import dev.browsersessions.observe.LeakGuardStop;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.SessionListener;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import dev.browsersessions.spi.RequestChecks;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The client users hold: one provider, chosen once, behind one API. Thread-safe; share one
 * instance.
 *
 * <pre>{@code
 * try (BrowserSessions sessions = BrowserSessions.create();
 *      BrowserSession session = sessions.start(SessionRequest.defaults())) {
 *   URI cdp = session.cdpUrl().orElseThrow();
 *   // drive the browser over CDP
 * } // the session is stopped here
 * }</pre>
 *
 * <p><b>Selection.</b> {@link #create()} picks the provider on the class path as documented in
 * {@link ProviderSelection}: an explicit name (argument, system property {@code
 * browsersessions.provider}, environment variable {@code BROWSERSESSIONS_PROVIDER}); otherwise the
 * only provider found. Never "first one wins".
 *
 * <p><b>Validation.</b> Ids and requests are checked before any provider call; an option the
 * provider does not support fails with {@link UnsupportedCapabilityException}.
 *
 * <p><b>Leak guard.</b> Sessions started through this client are tracked until they are known to
 * be terminal. {@link #close()} stops those still open (unless turned off with {@link
 * Builder#stopSessionsOnClose(boolean)}), and an opt-in JVM shutdown hook does the same. Failures
 * while stopping are reported in a {@link SessionCleanupException}, never swallowed.
 *
 * <p><b>Owner tag.</b> Where the provider supports {@link Capability#METADATA}, each session gets
 * the tag {@value #OWNER_TAG} set to {@link #ownerId()}, so a later process can find and stop
 * orphans with {@code list(SessionFilter.active().withMetadata(OWNER_TAG, ownerId))}.
 *
 * <p><b>Listeners.</b> {@link dev.browsersessions.observe.SessionListener}s registered on the
 * {@link Builder#listener builder} or through {@link java.util.ServiceLoader} hear every call
 * (provider, outcome, duration), the sessions tracked, the leak guard's stops, and the retries and
 * lost creates the provider reports. With none registered the calls run exactly as without them.
 * The warm pool's own work (its background starts, the stops of warm sessions never handed out)
 * is no call of the user's and no leak: listeners hear only the sessions it opens and releases.
 *
 * <p><b>Warm pool (opt-in, off by default).</b> {@link Builder#warmPool(SessionRequest, int)}
 * keeps sessions of one request shape started ahead of demand, so {@link #start} hands one out
 * instead of waiting for the vendor. <b>Cloud sessions bill while they wait in the pool.</b>
 */
public final class BrowserSessions implements AutoCloseable {

  /** The metadata key that carries the owner id. */
  public static final String OWNER_TAG = "browser-sessions-owner";

  private static final System.Logger LOG = System.getLogger(BrowserSessions.class.getName());

  /** How long the shutdown hook waits for calls under way before it stops what is tracked. */
  static final Duration SHUTDOWN_LOCK_WAIT = Duration.ofSeconds(5);

  private final BrowserSessionProvider provider;
  private final boolean stopSessionsOnClose;
  private final boolean tagOwner;
  private volatile String ownerId; // a random UUID made on first use unless given
  private final Map<String, BrowserSession> tracked = new ConcurrentHashMap<>();
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final Thread shutdownHook;
  private final Listeners listeners; // null when none: the calls then skip every event
  // No new work once set. Written under the write lock, except by a shutdown hook that could not
  // get it in time (SHUTDOWN_LOCK_WAIT); read under the read lock.
  private volatile boolean closed;
  private boolean closeCalled; // guarded by lifecycle: close() does its work once
  private final Map<SessionRequest, WarmPool> pools; // empty unless warmPool(...) was set
  private final ThreadPoolExecutor ownedRefills; // null unless pools refill on our own threads
  private final Executor refills; // where pools start (and set-aside sessions stop); null without
  // Warm sessions taken out of a pool to be stopped, never handed out: close() and the shutdown
  // hook stop those still here, whatever stopSessionsOnClose says.
  private final Set<String> warmToStop = ConcurrentHashMap.newKeySet();

  private BrowserSessions(Builder b, BrowserSessionProvider provider, ClassLoader classLoader) {
    this.provider = provider;
    for (SessionRequest shape : b.warmPools.keySet()) {
      RequestChecks.requireSupported(shape, provider.capabilities(), provider.name());
    }
    this.listeners = Listeners.of(b.listeners, b.discoverListeners, classLoader);
    if (listeners != null) {
      try {
        provider.reportTo(listeners);
      } catch (RuntimeException e) {
        // the calls still work and are still heard; only the provider's own reports are lost
        LOG.log(Level.WARNING, "browser-sessions: provider '" + provider.name()
            + "' refused its event sink; its retries and lost creates will not be reported", e);
      }
    }
    this.stopSessionsOnClose = b.stopSessionsOnClose;
    this.tagOwner = b.tagOwner;
    this.ownerId = b.ownerId;
    this.shutdownHook = b.shutdownHook
        ? new Thread(() -> stopOnShutdown(SHUTDOWN_LOCK_WAIT), "browser-sessions-shutdown")
        : null;
    Executor given = b.warmPoolExecutor;
    this.ownedRefills = b.warmPools.isEmpty() || given != null ? null : refillThreads(b);
    this.refills = given != null ? given : ownedRefills;
    Map<SessionRequest, WarmPool> made = new LinkedHashMap<>();
    b.warmPools.forEach((shape, size) ->
        made.put(shape, new WarmPool(shape, size, refills, this::startWarm)));
    this.pools = Map.copyOf(made);
    // Registered once every field the hook reads is set.
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    try {
      pools.values().forEach(WarmPool::fill); // last: the refills may run at once
    } catch (RuntimeException | Error e) {
      abandon(e); // e.g. a warmPoolExecutor that throws: nobody gets this client to close
      throw e;
    }
  }

  /**
   * Undoes a constructor that fails after the hook is registered and the pools may have started
   * sessions: removes the hook, ends the refill threads and stops the warm sessions started. The
   * provider is left to whoever made it ({@link Builder#build()} closes one it made).
   */
  private void abandon(Throwable failure) {
    List<RuntimeException> failures = new ArrayList<>();
    shutDown(false, failures);
    failures.forEach(failure::addSuppressed);
  }

  private static ThreadPoolExecutor refillThreads(Builder b) {
    int threads = Math.min(8, b.warmPools.values().stream().mapToInt(Integer::intValue).sum());
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "browser-sessions-warm-pool-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /**
   * A client for the one provider on the class path, or the one named by the system property
   * {@code browsersessions.provider} or the environment variable {@code BROWSERSESSIONS_PROVIDER}.
   *
   * @return the client
   * @throws ProviderNotFoundException if no provider can be chosen without guessing
   * @throws ProviderConfigurationException if the provider's configuration is invalid
   */
  public static BrowserSessions create() {
    return builder().build();
  }

  /**
   * A client for the named provider, configured from system properties and the environment.
   *
   * @param provider e.g. {@code "notte"}
   * @return the client
   */
  public static BrowserSessions create(String provider) {
    return builder().provider(provider).build();
  }

  /**
   * A client for the named provider with explicit configuration.
   *
   * @param provider e.g. {@code "notte"}
   * @param config the configuration; unset keys still resolve from properties and environment
   * @return the client
   */
  public static BrowserSessions create(String provider, ProviderConfig config) {
    return builder().provider(provider).config(config).build();
  }

  /**
   * A client around a provider built by hand, bypassing discovery.
   *
   * @param provider the provider
   * @return the client
   */
  public static BrowserSessions of(BrowserSessionProvider provider) {
    return builder().provider(provider).build();
  }

  /**
   * The names of the providers found on the class path.
   *
   * @return the names, sorted
   */
  public static Set<String> available() {
    return ProviderSelection.discover(defaultClassLoader()).byName().keySet();
  }

  /**
   * Starts a builder for the options not covered by the factory methods.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a session and tracks it until it is terminal.
   *
   * @param request what to ask for; {@link SessionRequest#defaults()} asks for nothing special
   * @return a handle to the session; closing it stops the session
   * @throws UnsupportedCapabilityException if the request uses an option the provider lacks
   * @throws BrowserSessionException for any other failure
   */
  public BrowserSession start(SessionRequest request) {
    if (listeners == null) {
      return doStart(request);
    }
    return listeners.observe(provider.name(), Operation.START, null, () -> doStart(request));
  }

  private BrowserSession doStart(SessionRequest request) {
    Objects.requireNonNull(request, "request");
    WarmPool pool = pools.isEmpty() ? null : pools.get(request);
    if (pool != null) {
      BrowserSession warm = takeWarm(pool);
      if (warm != null) {
        return warm;
      }
    }
    RequestChecks.requireSupported(request, provider.capabilities(), provider.name());
    SessionRequest tagged = withOwnerTag(request);
    lifecycle.readLock().lock();
    try {
      return create(tagged);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Creates and tracks a session; the caller holds the read lock. */
  private BrowserSession create(SessionRequest tagged) {
    ensureOpen();
    SessionInfo info = provider.create(tagged);
    if (info == null) {
      throw new ProviderProtocolException(
          "Provider '" + provider.name() + "' returned no session from create", provider.name(),
          0, null, null);
    }
    BrowserSession session = new BrowserSession(this, info);
    if (!info.isTerminal() && tracked.put(info.id(), session) == null && listeners != null) {
      listeners.sessionOpened(provider.name(), info.id());
    }
    return session;
  }

  /**
   * Hands out the oldest warm session a fresh status read shows not ended, and asks the pool to
   * refill; null when none is (the caller then starts one as without a pool). Bounded: each warm
   * session is read at most once, and a read that fails ends the search (see {@link #setAside}).
   */
  private BrowserSession takeWarm(WarmPool pool) {
    lifecycle.readLock().lock();
    try {
      ensureOpen();
      try {
        for (int i = 0; i < pool.size(); i++) {
          String id = pool.poll();
          if (id == null) {
            return null;
          }
          SessionInfo info;
          try {
            info = provider.status(id);
          } catch (SessionNotFoundException gone) {
            untrack(id);
            continue;
          } catch (RuntimeException unreadable) {
            setAside(pool, id, unreadable);
            return null;
          }
          observed(info); // an ended one is no longer tracked
          if (!info.isTerminal()) {
            // The user's handle replaces the one made at the warm start, so the leak guard
            // stops the session through the handle its holder stops it with: one stop.
            BrowserSession handedOut = new BrowserSession(this, info);
            tracked.replace(id, handedOut);
            return handedOut;
          }
        }
        return null;
      } finally {
        pool.fill();
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * A warm session whose status could not be read is not handed out, and no further warm session
   * is read for this start: the caller starts one as without a pool. A retryable failure (the
   * vendor is busy or unreachable: 429, 503, a timeout) says nothing about the session, so it
   * goes back to the pool, behind the others. Any other failure means it cannot be used: its
   * stop is handed to the pools' executor (so it runs off the caller's thread unless a {@link
   * Builder#warmPoolExecutor} runs tasks on the thread that submits them), and it stays on {@link
   * #warmToStop} until that stop succeeds, so that close() stops it if that stop fails.
   */
  private void setAside(WarmPool pool, String id, RuntimeException unreadable) {
    if (unreadable instanceof BrowserSessionException e && e.isRetryable() && pool.putBack(id)) {
      LOG.log(Level.INFO, "browser-sessions: warm session " + id + " of provider '"
          + provider.name() + "' could not be read (" + e.getClass().getSimpleName()
          + "); it stays warm and this start starts another");
      return;
    }
    LOG.log(Level.WARNING, "browser-sessions: warm session " + id + " of provider '"
        + provider.name() + "' could not be read; it is stopped in the background and this start"
        + " starts another", unreadable);
    warmToStop.add(id);
    try {
      refills.execute(() -> stopSetAside(id));
    } catch (RejectedExecutionException closing) {
      // the executor is shutting down: close() stops it, as it stops everything on warmToStop
    }
  }

  /** Runs on the pools' executor: stops a warm session set aside, unless close() has it. */
  private void stopSetAside(String id) {
    lifecycle.readLock().lock();
    try {
      if (closed || !warmToStop.contains(id)) {
        return; // close() (or the shutdown hook) stops it
      }
      RuntimeException failure = stopWarm(id);
      if (failure == null) {
        warmToStop.remove(id);
      } else {
        LOG.log(Level.WARNING, "browser-sessions: warm session " + id + " of provider '"
            + provider.name() + "' could not be stopped; close() stops it", failure);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * Runs on the pools' executor: starts one session of the pool's shape and hands it over. Not a
   * user's start, so listeners hear no START call for it, only the session opening.
   */
  private void startWarm(WarmPool pool) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        pool.startFailed(); // a refill queued before close(): nothing to start, nothing to log
        return;
      }
      BrowserSession started;
      try {
        started = create(withOwnerTag(pool.shape()));
      } catch (RuntimeException e) {
        pool.startFailed();
        LOG.log(Level.WARNING, "browser-sessions: the warm pool of provider '" + provider.name()
            + "' could not start a session for " + pool.shape()
            + "; the next start of that request tries again", e);
        return;
      }
      if (started.info().isTerminal()) {
        pool.startFailed();
      } else if (!pool.started(started.id())) {
        // The pool closed while this start ran: only a shutdown hook that could not wait for it
        // does that (close() waits), and the hook no longer sees this session: stop it here.
        RuntimeException failure = stopWarm(started.id());
        if (failure != null) {
          LOG.log(Level.WARNING, "browser-sessions: warm session " + started.id()
              + " of provider '" + provider.name() + "', started while the JVM shut down,"
              + " could not be stopped", failure);
        }
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * A handle to an existing session, e.g. one started by another process. Attached sessions are
   * not tracked by the leak guard: this client did not start them.
   *
   * @param sessionId the session's id
   * @return a handle with the session's current state
   * @throws SessionNotFoundException if the provider does not know the id
   */
  public BrowserSession attach(String sessionId) {
    return new BrowserSession(this, status(sessionId));
  }

  /**
   * Reads a session's current state.
   *
   * @param sessionId the session's id
   * @return its state
   * @throws SessionNotFoundException if the provider does not know the id
   */
  public SessionInfo status(String sessionId) {
    if (listeners == null) {
      return doStatus(sessionId);
    }
    return listeners.observe(
        provider.name(), Operation.STATUS, sessionId, () -> doStatus(sessionId));
  }

  private SessionInfo doStatus(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    ensureOpen();
    SessionInfo info = provider.status(sessionId);
    observed(info);
    return info;
  }

  /**
   * Stops a session. Idempotent: a session that already ended returns its terminal state.
   *
   * <p>While this client closes ({@link #close()} or its shutdown hook stop the sessions it still
   * holds), stop a session it started through its {@link BrowserSession#stop() handle}: that
   * waits for the client's stop of it, or the client's waits for it, and returns the terminal
   * state, not a "closed" error, with one stop at the provider. This method, by id, does not
   * share that: it reaches the provider only while the client still holds the session, possibly
   * stopping it a second time, and fails with a "closed" error once the client has stopped or
   * released it.
   *
   * @param sessionId the session's id
   * @return its terminal state
   * @throws SessionNotFoundException if the provider never knew the id
   */
  public SessionInfo stop(String sessionId) {
    if (listeners == null) {
      return doStop(sessionId);
    }
    return listeners.observe(provider.name(), Operation.STOP, sessionId, () -> doStop(sessionId));
  }

  private SessionInfo doStop(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    if (!tracked.containsKey(sessionId)) {
      ensureOpen(); // a session the client still holds may be stopped while it closes
    }
    SessionInfo info = provider.stop(sessionId);
    observed(info);
    return info;
  }

  /**
   * Lists sessions.
   *
   * @param filter which sessions; {@link SessionFilter#all()} for all
   * @return the matching sessions
   * @throws UnsupportedCapabilityException if the provider cannot list
   */
  public List<SessionInfo> list(SessionFilter filter) {
    if (listeners == null) {
      return doList(filter);
    }
    return listeners.observe(provider.name(), Operation.LIST, null, () -> doList(filter));
  }

  private List<SessionInfo> doList(SessionFilter filter) {
    Objects.requireNonNull(filter, "filter");
    if (!provider.capabilities().contains(Capability.LIST)) {
      throw new UnsupportedCapabilityException(Capability.LIST, provider.name());
    }
    ensureOpen();
    List<SessionInfo> all = provider.list(filter);
    all.forEach(this::observed);
    return all;
  }

  /**
   * The selected provider's name.
   *
   * @return e.g. {@code "notte"}
   */
  public String provider() {
    return provider.name();
  }

  /**
   * What the selected provider supports.
   *
   * @return its capabilities
   */
  public Set<Capability> capabilities() {
    return Set.copyOf(provider.capabilities());
  }

  /**
   * The id this client tags its sessions with (see {@link #OWNER_TAG}).
   *
   * @return the owner id
   */
  public String ownerId() {
    String id = ownerId;
    if (id == null) {
      synchronized (this) {
        id = ownerId;
        if (id == null) {
          // Made when first needed: the first UUID seeds SecureRandom, tens of milliseconds in a
          // cold JVM, which a client of a provider without metadata never needs to pay.
          id = UUID.randomUUID().toString();
          ownerId = id;
        }
      }
    }
    return id;
  }

  /**
   * The sessions this client started that are not known to have ended.
   *
   * @return their ids
   */
  public Set<String> openSessions() {
    return Set.copyOf(tracked.keySet());
  }

  /**
   * The warm sessions started ahead of demand and not yet handed out (see {@link
   * Builder#warmPool(SessionRequest, int)}); they are also among {@link #openSessions()}.
   *
   * @return their ids; empty without a warm pool
   */
  public Set<String> warmSessions() {
    Set<String> ids = new LinkedHashSet<>();
    pools.values().forEach(p -> ids.addAll(p.held()));
    return Set.copyOf(ids);
  }

  /**
   * Stops every open session this client started (unless turned off), then releases the
   * provider. Idempotent.
   *
   * @throws SessionCleanupException naming the sessions that could not be stopped
   */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    if (!shutDown(stopSessionsOnClose, failures)) {
      return;
    }
    try {
      provider.close();
    } catch (RuntimeException e) {
      failures.add(e);
    }
    if (!failures.isEmpty()) {
      // Neither report may hide the other: the first keeps the second as suppressed.
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  /**
   * Marks this client closed and ends what it runs: removes the shutdown hook, ends the refill
   * threads, stops the warm sessions (never handed out: even with {@code
   * stopSessionsOnClose(false)}) and, if asked, the tracked ones, then releases every session it
   * still tracks. The provider is left open. Used by {@link #close()} and by a constructor that
   * fails.
   *
   * @param stopTracked whether to stop the sessions handed out, too
   * @param failures where a failure to stop is added
   * @return {@code false} if the client was already closed (nothing done)
   */
  private boolean shutDown(boolean stopTracked, List<RuntimeException> failures) {
    List<String> warm;
    lifecycle.writeLock().lock();
    try {
      if (closeCalled) {
        return false;
      }
      closeCalled = true;
      closed = true;
      warm = closePools();
    } finally {
      lifecycle.writeLock().unlock();
    }
    removeShutdownHook();
    if (ownedRefills != null) {
      ownedRefills.shutdownNow(); // queued refills would only see the client closed
    }
    try {
      stopAll(warm, stopTracked ? tracked.keySet() : List.of(), LeakGuardStop.Trigger.CLOSE);
    } catch (RuntimeException e) {
      failures.add(e);
    }
    // The client forgets what it could not (or was told not to) stop: released once, and a
    // later stop of it is a call to a closed client, never one to the closed provider.
    for (String id : List.copyOf(tracked.keySet())) {
      untrack(id);
    }
    return true;
  }

  @Override
  public String toString() {
    return "BrowserSessions[provider=" + provider.name() + ", open=" + tracked.size() + "]";
  }

  // --- package-private, for BrowserSession ------------------------------------------------------

  void observed(SessionInfo info) {
    if (info.isTerminal()) {
      untrack(info.id());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private SessionRequest withOwnerTag(SessionRequest request) {
    if (!tagOwner
        || !provider.capabilities().contains(Capability.METADATA)
        || request.metadata().containsKey(OWNER_TAG)) {
      return request;
    }
    return request.toBuilder().metadata(OWNER_TAG, ownerId()).build();
  }

  private void ensureOpen() {
    if (closed) {
      throw new BrowserSessionException(
          "This BrowserSessions client is closed; create a new one", provider.name());
    }
  }

  private void untrack(String id) {
    if (tracked.remove(id) != null && listeners != null) {
      listeners.sessionReleased(provider.name(), id);
    }
  }

  /**
   * Closes the pools (no more starts) and takes every warm session not handed out: those they
   * held and those set aside to be stopped.
   */
  private List<String> closePools() {
    List<String> warm = new ArrayList<>();
    pools.values().forEach(p -> warm.addAll(p.close()));
    for (String id : List.copyOf(warmToStop)) {
      if (warmToStop.remove(id)) { // the hook and close() never both take one
        warm.add(id);
      }
    }
    return warm;
  }

  /**
   * Stops the warm sessions (never handed out, so not leaks: no leak-guard event), then, as the
   * leak guard, the other sessions named that are still tracked, each through its
   * {@link BrowserSession} so that a stop of it by its holder, before, during or after, is one
   * stop. Every failure is reported in one exception.
   */
  private void stopAll(java.util.Collection<String> warm, java.util.Collection<String> leaked,
      LeakGuardStop.Trigger trigger) {
    List<String> failed = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    Set<String> warmIds = new LinkedHashSet<>(warm);
    for (String id : warmIds) {
      RuntimeException e = stopWarm(id);
      if (e != null) {
        failed.add(id);
        causes.add(e);
      }
    }
    for (String id : new LinkedHashSet<>(leaked)) {
      if (warmIds.contains(id)) {
        continue;
      }
      try {
        AtomicBoolean ran = new AtomicBoolean();
        java.util.function.Supplier<SessionInfo> stop = () -> {
          ran.set(true);
          return listeners == null
              ? provider.stop(id)
              : listeners.observe(provider.name(), Operation.STOP, id, () -> provider.stop(id));
        };
        BrowserSession held = tracked.get(id);
        if (held == null) {
          continue; // stopped meanwhile by its own stop(), which also released it
        }
        observed(held.stopOnce(stop)); // a later held.stop() returns this
        untrack(id); // a stop that returned is as far as we can go
        if (ran.get()) { // not when its holder's stop, finished meanwhile, is what was returned
          leakGuardStopped(id, trigger, null);
        }
      } catch (SessionNotFoundException gone) {
        untrack(id);
        leakGuardStopped(id, trigger, null);
      } catch (RuntimeException e) {
        failed.add(id);
        causes.add(e);
        leakGuardStopped(id, trigger, e);
      }
    }
    if (!failed.isEmpty()) {
      SessionCleanupException e = new SessionCleanupException(provider.name(), failed);
      causes.forEach(e::addSuppressed);
      throw e;
    }
  }

  /**
   * Stops a warm session never handed out. The pool's own work, not a user's call nor a leak:
   * listeners hear only the session released.
   *
   * @return what the stop threw, or null when it is stopped (or the provider no longer knows it)
   */
  private RuntimeException stopWarm(String id) {
    try {
      observed(provider.stop(id));
      untrack(id);
      return null;
    } catch (SessionNotFoundException gone) {
      untrack(id);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private void leakGuardStopped(String id, LeakGuardStop.Trigger trigger, RuntimeException e) {
    if (listeners != null) {
      listeners.leakGuardStopped(provider.name(), id, trigger, e);
    }
  }

  /**
   * The shutdown hook's work, package-private for tests. Marks the client closed and closes the
   * pools first, under the write lock, so that no start or refill under way can add a session
   * after the tracked ones are read; it waits at most {@code lockWait} for calls under way, then
   * goes on without the lock (a refill that finishes later stops its own session).
   */
  void stopOnShutdown(Duration lockWait) {
    boolean locked = false;
    try {
      locked = lifecycle.writeLock().tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> warm;
    try {
      if (!locked) {
        LOG.log(Level.WARNING, "browser-sessions: the shutdown hook waited " + lockWait
            + " for calls under way of provider '" + provider.name() + "' and goes on; a session"
            + " one of them starts may be left running");
      }
      closed = true;
      warm = closePools();
    } finally {
      if (locked) {
        lifecycle.writeLock().unlock();
      }
    }
    try {
      stopAll(warm, tracked.keySet(), LeakGuardStop.Trigger.SHUTDOWN_HOOK);
    } catch (SessionCleanupException e) {
      LOG.log(Level.ERROR, e.getMessage(), e);
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running or has run; nothing to remove.
      }
    }
  }

  private static ClassLoader defaultClassLoader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : BrowserSessions.class.getClassLoader();
  }

  /** Options for building a {@link BrowserSessions} client. Not thread-safe. */
  public static final class Builder {
    private String providerName;
    private BrowserSessionProvider provider;
    private ProviderConfig config = ProviderConfig.empty();
    private ClassLoader classLoader;
    private boolean stopSessionsOnClose = true;
    private boolean shutdownHook;
    private boolean tagOwner = true;
    private String ownerId;
    private final List<SessionListener> listeners = new ArrayList<>();
    private boolean discoverListeners = true;
    private final Map<SessionRequest, Integer> warmPools = new LinkedHashMap<>();
    private Executor warmPoolExecutor;

    private Builder() {}

    /**
     * Names the provider to select; otherwise the system property, environment or the only
     * provider found decide.
     *
     * @param name e.g. {@code "notte"}
     * @return this builder
     */
    public Builder provider(String name) {
      this.providerName = name;
      return this;
    }

    /**
     * Uses a provider built by hand, bypassing discovery.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder provider(BrowserSessionProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets explicit configuration for the selected provider.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder config(ProviderConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the class loader providers are discovered in; the default is the thread's context
     * class loader.
     *
     * @param classLoader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Whether {@link BrowserSessions#close()} stops the sessions it started. Default {@code true}.
     *
     * @param stop whether to stop them
     * @return this builder
     */
    public Builder stopSessionsOnClose(boolean stop) {
      this.stopSessionsOnClose = stop;
      return this;
    }

    /**
     * Whether a JVM shutdown hook stops open sessions when the JVM exits without {@code close()}.
     * Default {@code false}. The hook first marks the client closed and closes its warm pools, so
     * nothing starts after it has read the open sessions; for that it waits up to 5 seconds for
     * calls under way (a start, a refill) to finish, then goes on without them.
     *
     * @param enabled whether to register the hook
     * @return this builder
     */
    public Builder shutdownHook(boolean enabled) {
      this.shutdownHook = enabled;
      return this;
    }

    /**
     * Whether sessions get the {@value BrowserSessions#OWNER_TAG} metadata tag where the provider
     * supports metadata. Default {@code true}.
     *
     * @param enabled whether to tag
     * @return this builder
     */
    public Builder tagOwner(boolean enabled) {
      this.tagOwner = enabled;
      return this;
    }

    /**
     * Sets the owner id used in the owner tag; the default is a random UUID per client.
     *
     * @param ownerId a stable id, e.g. the name of the service that owns the sessions
     * @return this builder
     */
    public Builder ownerId(String ownerId) {
      if (ownerId == null || ownerId.isBlank()) {
        throw new InvalidSessionRequestException("ownerId", "ownerId must not be blank");
      }
      this.ownerId = ownerId;
      return this;
    }

    /**
     * Adds a listener that hears this client's calls and its provider's reports. Listeners are
     * called in the order added, before those found with {@link java.util.ServiceLoader}.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SessionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Whether to add the {@link SessionListener}s registered with {@link java.util.ServiceLoader}
     * (in the {@link #classLoader class loader}). Default {@code true}.
     *
     * @param discover whether to look for them
     * @return this builder
     */
    public Builder discoverListeners(boolean discover) {
      this.discoverListeners = discover;
      return this;
    }

    /**
     * Keeps up to {@code size} sessions of one request shape started ahead of demand. Off by
     * default.
     *
     * <p><b>Cloud sessions bill while they wait.</b> Every warm session is a real, running vendor
     * session from the moment it is started, whether or not anyone ever uses it: with {@code
     * size} 3 you pay for 3 idle browsers for as long as the client is open. Use it where start
     * latency matters more than that cost.
     *
     * <p>How it behaves:
     *
     * <ul>
     *   <li>{@link BrowserSessions#start start} with a request {@linkplain SessionRequest#equals
     *       equal} to {@code request} hands out the oldest warm session that a fresh {@code
     *       status} read shows has not ended (one status call instead of a create), and asks the
     *       pool to start a replacement in the background. With none ready it starts one as
     *       without a pool. Other requests are never served from the pool.
     *   <li>The pool never holds more than {@code size} sessions, counting starts under way;
     *       sessions handed out no longer count.
     *   <li>Warm sessions are started by this client like any other: owner-tagged, tracked by the
     *       leak guard (they are among {@link BrowserSessions#openSessions()}, and {@link
     *       BrowserSessions#warmSessions()} lists those not handed out), stopped by the shutdown
     *       hook. {@link BrowserSessions#close()} stops the warm sessions not handed out even
     *       with {@link #stopSessionsOnClose(boolean) stopSessionsOnClose(false)}.
     *   <li>Timeouts count from when the vendor started the session, not from when it is handed
     *       out: a session that waited 4 minutes of a 10-minute {@code maxDuration} has 6 left. A
     *       warm session that timed out (idle timeout included) is dropped at hand-out time.
     *   <li>The first fill starts when the client is built. A start that fails is logged (level
     *       WARNING) and retried at the next {@code start} of that request, never in a loop.
     *   <li>A warm session whose {@code status} read fails is not handed out, and that {@code
     *       start} reads no further warm session: it starts one as without a pool, so it costs one
     *       vendor call more, not one per warm session. After a retryable failure (the vendor is
     *       busy or unreachable: 429, 503, a timeout) the session stays warm, behind the others.
     *       After any other failure it is stopped in the background (on the pool's executor) and
     *       replaced; if that stop fails it is logged, and {@link BrowserSessions#close()} stops it
     *       like the warm sessions not handed out.
     *   <li>Listeners hear a {@code start} served from the pool as one START call (its status
     *       read included). The pool's own work is not reported as calls: its background starts
     *       are not START calls, and the stops of warm sessions never handed out are neither STOP
     *       calls nor {@linkplain dev.browsersessions.observe.LeakGuardStop leak-guard stops};
     *       listeners hear those sessions open and be released.
     * </ul>
     *
     * <p>Calling it again for an equal request replaces the size.
     *
     * @param request the shape served from the pool, e.g. {@link SessionRequest#defaults()}
     * @param size how many sessions to keep ready, 1 to 64
     * @return this builder
     * @throws InvalidSessionRequestException if {@code size} is out of range
     */
    public Builder warmPool(SessionRequest request, int size) {
      Objects.requireNonNull(request, "request");
      if (size < 1 || size > 64) {
        throw new InvalidSessionRequestException("warmPool.size", "warmPool size must be 1 to 64,"
            + " got " + size + "; leave warmPool unset to keep no warm sessions");
      }
      warmPools.put(request, size);
      return this;
    }

    /**
     * Where the warm pools start their sessions. Default: up to 8 daemon threads of this client,
     * ended by {@link BrowserSessions#close()}. An executor given here belongs to the caller,
     * who shuts it down; after {@code close()} its queued starts do nothing.
     *
     * @param executor runs one session start, or the stop of a warm session that could not be
     *     used, per task
     * @return this builder
     */
    public Builder warmPoolExecutor(Executor executor) {
      this.warmPoolExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Selects and configures the provider and builds the client.
     *
     * @return the client
     * @throws ProviderNotFoundException if no provider can be chosen without guessing
     * @throws ProviderConfigurationException if the provider's configuration is invalid
     */
    public BrowserSessions build() {
      ClassLoader cl = classLoader != null ? classLoader : defaultClassLoader();
      if (provider != null) {
        return new BrowserSessions(this, provider, cl);
      }
      ProviderSelection.Discovery discovery = ProviderSelection.discover(cl);
      discovery.problems().forEach(p -> LOG.log(Level.WARNING, "browser-sessions: " + p));
      String name =
          ProviderSelection.requestedName(providerName, System::getProperty, System::getenv);
      BrowserSessionProviderFactory factory = ProviderSelection.select(name, discovery);
      String factoryName = discovery.nameOf(factory); // as checked: not asked again
      BrowserSessionProvider built;
      try {
        built = factory.create(config.forProvider(factoryName));
      } catch (BrowserSessionException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ProviderConfigurationException(
            "Provider '" + factoryName + "' failed to start: " + e, factoryName, null);
      }
      if (built == null) {
        throw new ProviderConfigurationException(
            "Provider factory " + factory.getClass().getName() + " returned no provider",
            factoryName, null);
      }
      try {
        return new BrowserSessions(this, built, cl);
      } catch (RuntimeException e) {
        built.close(); // e.g. a warm pool shape the provider cannot start
        throw e;
      }
    }
  }
}
