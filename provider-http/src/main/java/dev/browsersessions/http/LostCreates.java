package dev.browsersessions.http;

import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.LostCreate.Resolution;
import dev.browsersessions.observe.ProviderEvents;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one lost-create reconciler of the REST providers: finds the session of a create whose answer
 * was lost (a timeout or a reset after the request was sent, a 5xx, an unreadable answer) and, by
 * {@link LostCreatePolicy}, stops it, so that nothing runs, and is billed, that the caller never
 * heard of. A vendor supplies only a {@link Vendor}: how to find the candidates of an attempt
 * (Notte by time window and echoed fields, Stagehand by a request tag) and how to stop one.
 *
 * <p>Every create registers an {@link Attempt}; a returned session id is claimed before the
 * attempt ends. A reconciliation waits (bounded) for the creates still in flight when it looks, so
 * their ids are claimed first; if some are still in flight then, it stops nothing. Several lost
 * creates each take one session (the vendor's best candidate first), choosing one at a time, so
 * two lost creates never stop the same one and a session another create returned is never
 * stopped. When the failure had no answer at all (timeout, reset) and nothing is found yet, it
 * looks again until {@link LostCreateSettings#lookFor()} has passed (pausing 100 ms, doubling up to
 * 1 s, on the injected clock and sleeper): the vendor may still be starting the session; a lookup
 * that fails is retried within that time too (not an authentication failure).
 *
 * <p>What cannot be resolved then (nothing found yet, creates still in flight, the lookup or the
 * stop failing to the end of the wait) stays pending, at most {@value #MAX_PENDING}: it is looked
 * for again, in one lookup for all of them, after the next failed create and at {@link #close},
 * when no create should be in flight. A create of which nothing was found is dropped once its
 * window (the wait twice after it failed) has passed, or at close; what is still unresolved at
 * close (its lookup or its stop failing) is logged as a warning and thrown.
 *
 * <p>Each reconciliation is reported to the {@link ProviderEvents} given to {@link #reportTo}:
 * once when the create fails ({@code STOPPED} with the session stopped, {@code UNRESOLVED} when it
 * is kept pending or only reported, {@code NONE_STARTED} when nothing was found and nothing more
 * is looked for), and once more when a pending one is resolved later ({@code STOPPED} or {@code
 * NONE_STARTED}). Lookups stop once the client operation's deadline ({@code operation-timeout})
 * has passed: what is unresolved then is kept pending.
 *
 * <p>Thread-safe.
 *
 * @param <K> what identifies an attempt's session to the vendor (the request sent, a tag)
 */
public final class LostCreates<K> {

  /** The most session ids remembered as returned by this provider. */
  static final int MAX_CLAIMED = 10_000;

  /** The most lost creates kept to look for again. */
  static final int MAX_PENDING = 1_000;

  /** The first pause between two looks. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(100);

  /** The longest pause between two looks. */
  static final Duration MAX_PAUSE = Duration.ofSeconds(1);

  /** The most looks of one reconciliation, whatever the clock does. */
  static final int MAX_LOOKS = 1_000;

  private static final System.Logger LOG = System.getLogger(LostCreates.class.getName());

  /** What a failure says of a lost create kept pending. */
  private static final String LATER = "it is looked for again after the next failed create and"
      + " stopped, at the latest when the provider is closed (close() reports what is still"
      + " unresolved then).";

  /**
   * What a vendor supplies: how to find the candidates of an attempt, how to stop one.
   *
   * @param <K> what identifies an attempt's session
   */
  public interface Vendor<K> {

    /**
     * Looks, in one lookup for all of them, for the running sessions that may be the sessions of
     * these attempts.
     *
     * @param windows the attempts and the time windows their sessions were created in
     * @return for each window in order, the ids of its candidates, best first
     * @throws BrowserSessionException if the lookup failed
     */
    List<List<String>> find(List<Window<K>> windows);

    /**
     * Stops a session and confirms it ended.
     *
     * @param sessionId the session
     * @throws BrowserSessionException if that failed
     */
    void stop(String sessionId);

    /**
     * What the attempt asked for, for a report: never a secret.
     *
     * @param key the attempt's key
     * @return e.g. the request fields the session is recognised by, or its tag
     */
    String describe(K key);

    /**
     * How a user finds the session of an attempt.
     *
     * @param key the attempt's key
     * @return one or two sentences
     */
    String howToFind(K key);
  }

  /**
   * An attempt and the time window its session was created in.
   *
   * @param key what identifies its session
   * @param sentAt when it was sent (a vendor matching by time prefers the session closest to it)
   * @param from the earliest creation time (its send time minus the wait as clock-skew allowance)
   * @param to the latest creation time
   * @param <K> what identifies its session
   */
  public record Window<K>(K key, Instant sentAt, Instant from, Instant to) {}

  /**
   * One create call: what identifies its session, when it was sent, and when it ended.
   *
   * @param <K> what identifies its session
   */
  public static final class Attempt<K> {
    private final long seq;
    private final K key;
    private final Instant sentAt;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Instant failedAt;

    private Attempt(long seq, K key, Instant sentAt) {
      this.seq = seq;
      this.key = key;
      this.sentAt = sentAt;
    }

    /**
     * What identifies its session.
     *
     * @return the key
     */
    public K key() {
      return key;
    }
  }

  /** A lost create not resolved when it failed; {@code stopId}: found, but its stop failed. */
  private record Pending<K>(Attempt<K> attempt, String stopId, String why) {}

  private final String provider;
  private final String vendorName;
  private final LostCreateSettings settings;
  private final Duration inFlightWait;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Vendor<K> vendor;
  private final AtomicLong seq = new AtomicLong();
  private final Map<Long, Attempt<K>> inFlight = new ConcurrentHashMap<>();
  private final Set<String> claimed = Collections.newSetFromMap(
      Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_CLAIMED;
        }
      }));
  private final Object reconciling = new Object();
  /** Lost creates not resolved when they failed, oldest first; guarded by {@code reconciling}. */
  private final Deque<Pending<K>> pending = new ArrayDeque<>();
  private volatile ProviderEvents events = ProviderEvents.NONE;

  /**
   * Creates the bookkeeping of one provider instance.
   *
   * @param provider the provider's name
   * @param vendorName the vendor's name in messages, e.g. {@code Notte}
   * @param settings the policy and the wait
   * @param inFlightWait how long to wait for the creates in flight to end
   * @param clock the clock of the windows and the wait (vendors' timestamps are compared with it)
   * @param sleeper waits between looks
   * @param vendor finds candidates and stops one
   */
  public LostCreates(String provider, String vendorName, LostCreateSettings settings,
      Duration inFlightWait, Clock clock, Sleeper sleeper, Vendor<K> vendor) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.vendorName = Objects.requireNonNull(vendorName, "vendorName");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.inFlightWait = Objects.requireNonNull(inFlightWait, "inFlightWait");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  /**
   * Where reconciliations are reported from now on: the sink a provider's {@code reportTo} was
   * given.
   *
   * @param events the sink
   */
  public void reportTo(ProviderEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  private void report(Resolution resolution, String sessionId) {
    try {
      events.lostCreate(new LostCreate(provider, resolution, Optional.ofNullable(sessionId)));
    } catch (RuntimeException listenerFailed) {
      LOG.log(Level.WARNING, "A listener failed on a lost-create report", listenerFailed);
    }
  }

  /** Whether the current client operation's deadline has passed. */
  private static boolean outOfTime() {
    OperationDeadline d = OperationDeadline.current();
    return d != null && d.expired();
  }

  /**
   * Registers a create about to be sent.
   *
   * @param key what identifies its session
   * @return the attempt, to end with {@link #returned}, {@link #failed}, {@link #unusable} or
   *     {@link #abandoned}
   */
  public Attempt<K> begin(K key) {
    Attempt<K> a = new Attempt<>(seq.incrementAndGet(), key, clock.instant());
    inFlight.put(a.seq, a);
    return a;
  }

  /**
   * Sends the create of an attempt, the one way every REST provider does it. A {@link
   * BrowserSessionException} ends the attempt as {@link #failed}; any other runtime failure while
   * calling or decoding is the vendor's answer not understood, so it becomes a {@link
   * ProviderProtocolException} and also ends as {@link #failed} (the vendor may have started the
   * session: it is looked for); an {@link Error} ends it as {@link #abandoned}. On success the
   * attempt stays open, for {@link #returned} or {@link #unusable}.
   *
   * @param a the attempt
   * @param what the request, for the message, e.g. {@code "POST /sessions/start"}
   * @param call the create call
   * @param <T> the answer's type
   * @return the vendor's answer
   */
  public <T> T send(Attempt<K> a, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (BrowserSessionException e) {
      throw failed(a, e);
    } catch (RuntimeException e) {
      throw failed(a, ProviderProtocolException.unexpected(
          vendorName + "'s answer to " + what + " could not be handled: " + e, provider, e));
    } catch (Error e) {
      abandoned(a);
      throw e;
    }
  }

  /**
   * Ends a create that returned a session: its id is never taken for a lost one.
   *
   * @param a the attempt
   * @param sessionId the session it returned
   */
  public void returned(Attempt<K> a, String sessionId) {
    claimed.add(sessionId);
    end(a);
  }

  /**
   * Ends a create that failed in a way that says nothing about the vendor (a programming error):
   * never left in flight, or every later reconciliation would wait for it.
   *
   * @param a the attempt
   */
  public void abandoned(Attempt<K> a) {
    a.failedAt = clock.instant();
    end(a);
  }

  /**
   * Ends a create whose answer named a session but was otherwise unusable: the session is stopped
   * (whatever the policy: it is certainly this create's), and kept pending if that failed.
   *
   * @param a the attempt
   * @param sessionId the session the answer named
   * @param failure why the answer is unusable
   * @return the failure, its detail completed with what happened to the session
   */
  public BrowserSessionException unusable(Attempt<K> a, String sessionId,
      BrowserSessionException failure) {
    claimed.add(sessionId);
    a.failedAt = clock.instant();
    end(a);
    return stopped(a, failure, sessionId, List.of());
  }

  /**
   * Ends a create that failed, looks for the session it may have started and, by policy, stops
   * it. What cannot be resolved now (other creates still in flight, the lookup or the stop failed)
   * is kept pending and looked for again after the next failed create and at {@link #close}. Then
   * looks again for the creates pending before.
   *
   * @param a the failed attempt
   * @param failure how it failed
   * @return the exception to throw: the failure, its detail completed with what was found
   */
  public BrowserSessionException failed(Attempt<K> a, BrowserSessionException failure) {
    a.failedAt = clock.instant();
    end(a);
    if (settings.policy() == LostCreatePolicy.IGNORE
        || !VendorCalls.mayHaveStartedSession(failure)) {
      return failure;
    }
    boolean hadPending = hasPending();
    BrowserSessionException out = resolve(a, failure);
    if (hadPending && settings.policy() == LostCreatePolicy.STOP) {
      lookAgain(false);
    }
    return out;
  }

  private BrowserSessionException resolve(Attempt<K> a, BrowserSessionException failure) {
    boolean answered = failure.httpStatus().isPresent();
    Instant deadline = clock.instant().plus(settings.lookFor());
    Duration pause = FIRST_PAUSE;
    for (int look = 1; ; look++) {
      boolean last = look >= MAX_LOOKS;
      List<String> found;
      try {
        // A session found now was started by a request sent before the lookup was answered: its
        // create is over (its id claimed, or lost too) or in flight now, so wait for those.
        found = vendor.find(List.of(window(a, clock.instant().plus(settings.lookFor())))).get(0);
      } catch (BrowserSessionException lookupFailed) {
        if (lookupFailed instanceof AuthenticationException || last || outOfTime()
            || !pause(deadline, pause)) {
          return lookupFailed(a, failure, lookupFailed);
        }
        pause = next(pause);
        continue;
      }
      boolean settled = awaitInFlight(a);
      String chosen;
      List<String> others;
      synchronized (reconciling) {
        List<String> ids = unclaimed(found);
        if (!settled && !ids.isEmpty()) {
          String note = vendorName + " may have started the session anyway; running sessions"
              + " that may be this create's " + ids + " were not stopped";
          report(Resolution.UNRESOLVED, null);
          if (settings.policy() == LostCreatePolicy.STOP) {
            defer(new Pending<>(a, null, "other creates were in flight"));
            return failure.withDetail(note + " yet because other creates of this provider were"
                + " still in flight after " + inFlightWait + " and may own them; " + LATER);
          }
          return failure.withDetail(note + " because other creates of this provider were still"
              + " in flight after " + inFlightWait + " and may own them. "
              + vendor.howToFind(a.key));
        }
        if (ids.isEmpty()) {
          chosen = null;
          others = List.of();
        } else {
          chosen = ids.get(0);
          others = ids.subList(1, ids.size());
          if (settings.policy() == LostCreatePolicy.REPORT) {
            report(Resolution.UNRESOLVED, chosen);
            return failure.withDetail(vendorName + " may have started the session anyway:"
                + " running session(s) " + ids + " may be this create's and no create of this"
                + " provider returned them; lost-create=report, so nothing was stopped. Stop it"
                + " with stop(id) if it is yours.");
          }
          claimed.add(chosen); // no other lost create takes it
        }
      }
      if (chosen != null) {
        return stopped(a, failure, chosen, others);
      }
      if (answered || last || outOfTime() || !pause(deadline, pause)) {
        String note = vendorName + " may have started the session anyway; no running session of"
            + " this create was found (" + (answered ? "looked once"
                : "looked for " + settings.lookFor()) + ")";
        if (settings.policy() == LostCreatePolicy.STOP) {
          // the vendor may list a new session late: looked for again until its window has passed
          defer(new Pending<>(a, null, "not found yet"));
          note += "; it is looked for again after the next failed create and at close()";
          report(Resolution.UNRESOLVED, null);
        } else {
          report(Resolution.NONE_STARTED, null);
        }
        return failure.withDetail(note + ". " + vendor.howToFind(a.key));
      }
      pause = next(pause);
    }
  }

  private BrowserSessionException lookupFailed(Attempt<K> a, BrowserSessionException failure,
      BrowserSessionException lookupFailed) {
    failure.addSuppressed(lookupFailed);
    report(Resolution.UNRESOLVED, null);
    String note = vendorName + " may have started the session anyway and looking for it failed ("
        + lookupFailed.getMessage() + "); ";
    if (settings.policy() == LostCreatePolicy.STOP) {
      defer(new Pending<>(a, null, "looking for it failed: " + lookupFailed.getMessage()));
      return failure.withDetail(note + LATER);
    }
    return failure.withDetail(note + "a session may still run. " + vendor.howToFind(a.key));
  }

  /**
   * Looks a last time for the lost creates still pending (no create should be in flight now) and
   * stops their sessions.
   *
   * @throws SessionCleanupException naming the sessions found but not stopped
   * @throws BrowserSessionException if a lost create could not be resolved (what it asked for
   *     named; also logged as a warning)
   */
  public void close() {
    if (settings.policy() != LostCreatePolicy.STOP || !hasPending()) {
      return;
    }
    List<Pending<K>> left = lookAgain(true);
    if (left.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    StringBuilder what = new StringBuilder();
    for (Pending<K> p : left) {
      if (p.stopId != null) {
        ids.add(p.stopId);
      }
      what.append(what.length() == 0 ? "" : "; ").append(unresolved(p));
    }
    String message = left.size() + " lost create(s) of provider '" + provider + "' could not be"
        + " resolved at close; " + vendorName + " may still run (and bill) their sessions: "
        + what + ". " + vendor.howToFind(left.get(0).attempt.key);
    LOG.log(Level.WARNING, message);
    BrowserSessionException summary =
        BrowserSessionException.builder(message).provider(provider).build();
    if (ids.isEmpty()) {
      throw summary;
    }
    SessionCleanupException e = new SessionCleanupException(provider, ids);
    e.addSuppressed(summary);
    throw e;
  }

  private String describe(Pending<K> p) {
    return "create sent at " + p.attempt.sentAt + " and failed at " + p.attempt.failedAt
        + " with " + vendor.describe(p.attempt.key) + " (" + p.why + ")";
  }

  private String unresolved(Pending<K> p) {
    return describe(p) + (p.stopId == null ? "" : ": its session '" + p.stopId
        + "' was found but not stopped");
  }

  private boolean hasPending() {
    synchronized (reconciling) {
      return !pending.isEmpty();
    }
  }

  private void defer(Pending<K> p) {
    synchronized (reconciling) {
      if (pending.size() >= MAX_PENDING) {
        Pending<K> oldest = pending.removeFirst();
        LOG.log(Level.WARNING, "More than " + MAX_PENDING + " lost creates of provider '"
            + provider + "' unresolved; no longer looking for the oldest: " + unresolved(oldest)
            + ". " + vendor.howToFind(oldest.attempt.key));
      }
      pending.addLast(p);
    }
    LOG.log(Level.INFO, "Lost create of provider '" + provider + "' kept to look for again: "
        + unresolved(p));
  }

  /**
   * Looks for the pending lost creates in one lookup and stops what is found; keeps what is still
   * unresolved.
   *
   * @param closing whether this is the last look: nothing is kept, what is unresolved returned
   * @return the unresolved pending creates, when closing
   */
  private List<Pending<K>> lookAgain(boolean closing) {
    List<Pending<K>> todo;
    synchronized (reconciling) {
      todo = new ArrayList<>(pending);
      pending.clear();
    }
    if (todo.isEmpty()) {
      return List.of();
    }
    List<Pending<K>> keep = new ArrayList<>();
    List<Pending<K>> look = new ArrayList<>();
    List<Window<K>> windows = new ArrayList<>();
    for (Pending<K> p : todo) {
      if (p.stopId != null) {
        stopAgain(p, keep);
      } else {
        look.add(p);
        windows.add(window(p.attempt, p.attempt.failedAt.plus(settings.lookFor()).plus(
            settings.lookFor())));
      }
    }
    if (look.isEmpty()) {
      return kept(keep, closing);
    }
    List<List<String>> found;
    boolean settled;
    try {
      found = vendor.find(windows);
      settled = awaitInFlight(null);
    } catch (BrowserSessionException e) {
      for (Pending<K> p : look) {
        keep.add(new Pending<>(p.attempt, null, "looking for it again failed: " + e.getMessage()));
      }
      return kept(keep, closing);
    }
    for (int i = 0; i < look.size(); i++) {
      Pending<K> p = look.get(i);
      String chosen = null;
      synchronized (reconciling) {
        List<String> ids = unclaimed(found.get(i));
        if (!ids.isEmpty() && !settled) {
          keep.add(new Pending<>(p.attempt, null, "other creates were in flight"));
          continue;
        }
        if (!ids.isEmpty()) {
          chosen = ids.get(0);
          claimed.add(chosen);
        }
      }
      if (chosen != null) {
        stopAgain(new Pending<>(p.attempt, chosen, p.why), keep);
      } else if (!closing && clock.instant().isBefore(windows.get(i).to())) {
        keep.add(p); // its session may still appear
      } else {
        LOG.log(Level.INFO, "Lost create of provider '" + provider + "' resolved: no running"
            + " session of it; " + describe(p));
        report(Resolution.NONE_STARTED, null);
      }
    }
    return kept(keep, closing);
  }

  private void stopAgain(Pending<K> p, List<Pending<K>> keep) {
    try {
      vendor.stop(p.stopId);
      LOG.log(Level.INFO, "Lost create of provider '" + provider + "' resolved: session '"
          + p.stopId + "' stopped; " + describe(p));
      report(Resolution.STOPPED, p.stopId);
    } catch (SessionNotFoundException gone) {
      report(Resolution.STOPPED, p.stopId); // ended and forgotten: nothing runs
    } catch (BrowserSessionException e) {
      keep.add(new Pending<>(p.attempt, p.stopId, "stopping it failed: " + e.getMessage()));
    }
  }

  /** Keeps the still unresolved ones pending, or returns them when closing. */
  private List<Pending<K>> kept(List<Pending<K>> keep, boolean closing) {
    if (closing) {
      return keep;
    }
    synchronized (reconciling) {
      for (int i = keep.size() - 1; i >= 0; i--) { // before the ones deferred meanwhile, in order
        if (pending.size() < MAX_PENDING) {
          pending.addFirst(keep.get(i));
        }
      }
    }
    return List.of();
  }

  /** The candidates no create has claimed; call holding {@code reconciling}. */
  private List<String> unclaimed(List<String> found) {
    List<String> ids = new ArrayList<>();
    for (String id : found) {
      if (!claimed.contains(id) && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private BrowserSessionException stopped(Attempt<K> a, BrowserSessionException failure,
      String chosen, List<String> others) {
    String rest = others.isEmpty() ? "" : " Other running sessions that may be this create's and"
        + " that no create of this provider returned were left running: " + others + " (other"
        + " failed creates of this provider take their own; otherwise another process sharing the"
        + " API key may own them).";
    try {
      vendor.stop(chosen);
    } catch (SessionNotFoundException gone) {
      report(Resolution.STOPPED, chosen);
      return failure.withDetail(vendorName + " started session '" + chosen + "' anyway; it has"
          + " already ended, so nothing of this create is left running." + rest);
    } catch (BrowserSessionException stopFailed) {
      failure.addSuppressed(stopFailed);
      report(Resolution.UNRESOLVED, chosen);
      defer(new Pending<>(a, chosen, "stopping it failed: " + stopFailed.getMessage()));
      return failure.withDetail(vendorName + " started session '" + chosen + "' anyway but"
          + " stopping it failed (" + stopFailed.getMessage() + "); " + LATER
          + " Or stop it with stop(\"" + chosen + "\")." + rest);
    }
    report(Resolution.STOPPED, chosen);
    return failure.withDetail(vendorName + " started session '" + chosen + "' anyway; it was"
        + " found and stopped, so nothing of this create is left running." + rest);
  }

  private Window<K> window(Attempt<K> a, Instant to) {
    return new Window<>(a.key, a.sentAt, a.sentAt.minus(settings.lookFor()), to);
  }

  /**
   * Pauses before the next look, never past the wait's deadline nor the client operation's
   * ({@code operation-timeout}); whether there is time left for a look after it.
   */
  private boolean pause(Instant deadline, Duration pause) {
    Instant now = clock.instant();
    OperationDeadline operation = OperationDeadline.current();
    if (!now.isBefore(deadline) || (operation != null && operation.expired())) {
      return false;
    }
    Duration d = TerminalWait.min(pause, Duration.between(now, deadline));
    if (operation != null) {
      d = TerminalWait.min(d, operation.remaining());
    }
    try {
      sleeper.sleep(d);
      return operation == null || !operation.expired();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration next(Duration pause) {
    return TerminalWait.min(pause.multipliedBy(2), MAX_PAUSE);
  }

  /** Waits for the other creates in flight now; whether they all ended in time. */
  private boolean awaitInFlight(Attempt<K> self) {
    List<CompletableFuture<Void>> others = new ArrayList<>();
    for (Attempt<K> other : inFlight.values()) {
      if (other != self) {
        others.add(other.done);
      }
    }
    if (others.isEmpty()) {
      return true;
    }
    Duration wait = inFlightWait;
    OperationDeadline deadline = OperationDeadline.current();
    if (deadline != null) {
      wait = TerminalWait.min(wait, deadline.remaining()); // never past the operation's deadline
    }
    try {
      CompletableFuture.allOf(others.toArray(CompletableFuture[]::new))
          .get(wait.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void end(Attempt<K> a) {
    inFlight.remove(a.seq);
    a.done.complete(null);
  }
}
