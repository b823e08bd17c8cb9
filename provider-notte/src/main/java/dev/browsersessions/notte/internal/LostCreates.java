package dev.browsersessions.notte.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.http.FailureNotes;
import dev.browsersessions.http.VendorCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds the session of a create whose answer was lost (a timeout or a reset after the request was
 * sent, a 5xx, an unreadable answer) and stops it, so that nothing runs, and is billed, that the
 * caller never heard of. Notte stores no metadata, so a lost session is recognised by what it
 * echoes: active, created in the window of the attempt (its send time minus the clock-skew
 * allowance, to now plus it), the same request fields ({@link StartEcho}), and not returned by
 * any create of this provider.
 *
 * <p>Every create registers an {@link Attempt}; a returned session id is claimed before the
 * attempt ends. A reconciliation waits (bounded) for the creates still in flight when it lists, so
 * their ids are claimed first; if some are still in flight then, it stops nothing. Several lost
 * creates each take one session (the one created closest to its send time), choosing one at a
 * time, so two lost creates never stop the same one and a session another create returned
 * is never stopped. When the failure had no answer at all (timeout, reset) and nothing is found
 * yet, it looks again until the clock-skew allowance has passed: the vendor may still be starting
 * the session; a lookup that fails is retried within that time too.
 *
 * <p>What cannot be resolved then (creates still in flight, the lookup or the stop failing to the
 * end of the window) stays pending, at most {@value #MAX_PENDING}: it is looked for again, in one
 * list for all of them, after the next failed create and at {@link #close}, when no create should
 * be in flight; what is still unresolved then is logged as a warning and thrown.
 *
 * <p>Thread-safe.
 */
public final class LostCreates {

  /** How a user finds a session that may still run. */
  static final String HOW_TO_FIND = "Find it with sessions.list(SessionFilter.active()) (Notte"
      + " sessions carry no tag: look for one created at the time of this call) and stop it.";

  /** The most session ids remembered as returned by this provider. */
  static final int MAX_CLAIMED = 10_000;

  /** The most lost creates kept to look for again. */
  static final int MAX_PENDING = 1_000;

  private static final System.Logger LOG = System.getLogger(LostCreates.class.getName());

  /** Lists the active sessions, every page, as bound JSON objects. */
  @FunctionalInterface
  public interface Lookup {
    /**
     * Lists.
     *
     * @return the active sessions
     */
    List<Map<?, ?>> active();
  }

  /** Stops a session and confirms it ended. */
  @FunctionalInterface
  public interface Stopper {
    /**
     * Stops.
     *
     * @param sessionId the session
     */
    void stop(String sessionId);
  }

  /** One create call: when it was sent, and when it ended. */
  public static final class Attempt {
    private final long seq;
    private final Instant sentAt;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Instant failedAt;

    private Attempt(long seq, Instant sentAt) {
      this.seq = seq;
      this.sentAt = sentAt;
    }
  }

  private final String provider;
  private final LostCreatePolicy policy;
  private final Duration skew;
  private final Duration inFlightWait;
  private final Duration pollInterval;
  private final Clock clock;
  private final AtomicLong seq = new AtomicLong();
  private final Map<Long, Attempt> inFlight = new ConcurrentHashMap<>();
  private final Set<String> claimed = Collections.newSetFromMap(
      Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_CLAIMED;
        }
      }));
  private final Object reconciling = new Object();
  /** Lost creates not resolved when they failed, oldest first; guarded by {@code reconciling}. */
  private final Deque<Pending> pending = new ArrayDeque<>();

  /**
   * A lost create not resolved when it failed: its session (if {@code stopId} is set, the one
   * found but whose stop failed) is looked for again after the next failed create and at close.
   */
  private record Pending(Attempt attempt, Map<String, Object> sent, String stopId, String why) {

    /** The window and the request fields, and why it is pending. */
    String describe() {
      return "create sent at " + attempt.sentAt + " and failed at " + attempt.failedAt
          + " with " + StartEcho.describe(sent) + " (" + why + ")";
    }

    /** As {@link #describe()}, naming the session found but not stopped. */
    String unresolved() {
      return describe() + (stopId == null ? "" : ": its session '" + stopId
          + "' was found but not stopped");
    }
  }

  /**
   * Creates the bookkeeping of one provider instance.
   *
   * @param provider the provider's name
   * @param policy what to do about a lost session
   * @param skew the clock-skew allowance around the attempt's window
   * @param inFlightWait how long to wait for creates in flight to end
   * @param pollInterval the pause between looks while the vendor may still be starting it
   * @param clock the clock of the window (the vendor's timestamps are compared with it)
   */
  public LostCreates(String provider, LostCreatePolicy policy, Duration skew,
      Duration inFlightWait, Duration pollInterval, Clock clock) {
    this.provider = provider;
    this.policy = policy;
    this.skew = skew;
    this.inFlightWait = inFlightWait;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  /**
   * Registers a create about to be sent.
   *
   * @return the attempt, to end with {@link #returned} or {@link #failed}
   */
  public Attempt begin() {
    Attempt a = new Attempt(seq.incrementAndGet(), clock.instant());
    inFlight.put(a.seq, a);
    return a;
  }

  /**
   * Ends a create that returned a session: its id is never taken for a lost one.
   *
   * @param a the attempt
   * @param sessionId the session it returned
   */
  public void returned(Attempt a, String sessionId) {
    claimed.add(sessionId);
    end(a);
  }

  /**
   * Ends a create that failed.
   *
   * @param a the attempt
   */
  public void failed(Attempt a) {
    a.failedAt = clock.instant();
    end(a);
  }

  /**
   * Looks for the session a failed create may have started and, by policy, stops it. What cannot
   * be resolved now (other creates still in flight, the lookup or the stop failed) is kept
   * pending and looked for again after the next failed create and at {@link #close}. Then looks
   * again for the creates pending before.
   *
   * @param a the failed attempt (already {@link #failed})
   * @param sent the body it sent
   * @param failure how it failed
   * @param lookup lists the active sessions
   * @param stopper stops one and confirms it ended
   * @return the exception to throw: the failure, its message completed with what was found
   */
  public BrowserSessionException reconcile(Attempt a, Map<String, Object> sent,
      BrowserSessionException failure, Lookup lookup, Stopper stopper) {
    if (policy == LostCreatePolicy.IGNORE || !VendorCalls.mayHaveStartedSession(failure)) {
      return failure;
    }
    boolean hadPending = hasPending();
    BrowserSessionException out = resolve(a, sent, failure, lookup, stopper);
    if (hadPending && policy == LostCreatePolicy.STOP) {
      lookAgain(lookup, stopper, false);
    }
    return out;
  }

  private BrowserSessionException resolve(Attempt a, Map<String, Object> sent,
      BrowserSessionException failure, Lookup lookup, Stopper stopper) {
    boolean answered = failure.httpStatus().orElse(0) != 0;
    long deadline = System.nanoTime() + skew.toNanos();
    try {
      while (true) {
        // A session in this list was started by a request sent before the list was answered:
        // its create is over (its id claimed, or lost too) or in flight now, so wait for those.
        List<Map<?, ?>> listed;
        try {
          listed = lookup.active();
        } catch (BrowserSessionException lookupFailed) {
          if (System.nanoTime() - deadline >= 0) {
            throw lookupFailed;
          }
          LockSupport.parkNanos(pollInterval.toNanos()); // not looked yet: again, in the window
          continue;
        }
        List<Map<?, ?>> found = candidates(a, sent, listed, clock.instant().plus(skew));
        boolean settled = awaitInFlight(a);
        String chosen;
        List<String> others;
        synchronized (reconciling) {
          List<String> ids = unclaimed(found);
          if (!settled && !ids.isEmpty()) {
            if (policy == LostCreatePolicy.STOP) {
              defer(new Pending(a, sent, null, "other creates were in flight"));
              return FailureNotes.withNote(failure, "Notte may have started the session anyway;"
                  + " active sessions matching this request " + ids + " were not stopped yet"
                  + " because other creates of this provider were still in flight after "
                  + inFlightWait + " and may own them; " + LATER);
            }
            return FailureNotes.withNote(failure, "Notte may have started the session anyway;"
                + " active sessions matching this request " + ids + " were not stopped because"
                + " other creates of this provider were still in flight after " + inFlightWait
                + " and may own them. " + HOW_TO_FIND);
          }
          if (ids.isEmpty()) {
            if (answered || System.nanoTime() - deadline >= 0) {
              return FailureNotes.withNote(failure, "Notte may have started the session"
                  + " anyway; no active session matching this request was found (looked until "
                  + skew + " after the failure). " + HOW_TO_FIND);
            }
            chosen = null;
            others = List.of();
          } else {
            chosen = ids.get(0);
            others = ids.subList(1, ids.size());
            if (policy == LostCreatePolicy.REPORT) {
              return FailureNotes.withNote(failure, "Notte may have started the session"
                  + " anyway: active session(s) " + ids + " match this request and no create of"
                  + " this provider returned them; lost-create=report, so nothing was stopped."
                  + " Stop it with stop(id) if it is yours.");
            }
            claimed.add(chosen); // no other lost create takes it
          }
        }
        if (chosen != null) {
          return stopped(a, sent, failure, chosen, others, stopper);
        }
        LockSupport.parkNanos(pollInterval.toNanos());
      }
    } catch (BrowserSessionException lookupFailed) {
      failure.addSuppressed(lookupFailed);
      if (policy == LostCreatePolicy.STOP) {
        defer(new Pending(a, sent, null, "looking for it failed: " + lookupFailed.getMessage()));
        return FailureNotes.withNote(failure, "Notte may have started the session anyway and"
            + " looking for it failed (" + lookupFailed.getMessage() + "); " + LATER);
      }
      return FailureNotes.withNote(failure, "Notte may have started the session anyway and"
          + " looking for it failed (" + lookupFailed.getMessage() + "); a session may still"
          + " run. " + HOW_TO_FIND);
    }
  }

  /** What a failure says of a lost create kept pending. */
  private static final String LATER = "it is looked for again after the next failed create and"
      + " stopped, at the latest when the provider is closed (close() reports what is still"
      + " unresolved then).";

  /**
   * Looks a last time for the lost creates still pending (no create should be in flight now) and
   * stops their sessions.
   *
   * @param lookup lists the active sessions
   * @param stopper stops one and confirms it ended
   * @throws SessionCleanupException naming the sessions found but not stopped
   * @throws BrowserSessionException if a lost create could not be resolved (its window and
   *     request fields named; also logged as a warning)
   */
  public void close(Lookup lookup, Stopper stopper) {
    if (policy != LostCreatePolicy.STOP || !hasPending()) {
      return;
    }
    List<Pending> left = lookAgain(lookup, stopper, true);
    if (left.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    StringBuilder what = new StringBuilder();
    for (Pending p : left) {
      if (p.stopId != null) {
        ids.add(p.stopId);
      }
      what.append(what.length() == 0 ? "" : "; ").append(p.unresolved());
    }
    String message = left.size() + " lost create(s) of provider '" + provider + "' could not be"
        + " resolved at close; Notte may still run (and bill) their sessions: " + what + ". "
        + HOW_TO_FIND;
    LOG.log(Level.WARNING, message);
    BrowserSessionException e = ids.isEmpty() ? new BrowserSessionException(message, provider)
        : new SessionCleanupException(provider, ids);
    if (!ids.isEmpty()) {
      e.addSuppressed(new BrowserSessionException(message, provider));
    }
    throw e;
  }

  private boolean hasPending() {
    synchronized (reconciling) {
      return !pending.isEmpty();
    }
  }

  private void defer(Pending p) {
    synchronized (reconciling) {
      if (pending.size() >= MAX_PENDING) {
        LOG.log(Level.WARNING, "More than " + MAX_PENDING + " lost creates of provider '"
            + provider + "' unresolved; no longer looking for the oldest: " + pending.peekFirst()
            .unresolved() + ". " + HOW_TO_FIND);
        pending.removeFirst();
      }
      pending.addLast(p);
    }
    LOG.log(Level.INFO, "Lost create of provider '" + provider + "' kept to look for again: "
        + p.unresolved());
  }

  /**
   * Looks for the pending lost creates in one list and stops what is found; keeps what is still
   * unresolved.
   *
   * @param closing whether this is the last look: nothing is kept, what is unresolved returned
   * @return the unresolved pending creates, when closing
   */
  private List<Pending> lookAgain(Lookup lookup, Stopper stopper, boolean closing) {
    List<Pending> todo;
    synchronized (reconciling) {
      todo = new ArrayList<>(pending);
      pending.clear();
    }
    if (todo.isEmpty()) {
      return List.of();
    }
    List<Pending> keep = new ArrayList<>();
    List<Map<?, ?>> active;
    boolean settled;
    try {
      active = lookup.active();
      settled = awaitInFlight(null);
    } catch (BrowserSessionException e) {
      for (Pending p : todo) {
        keep.add(p.stopId != null ? p : new Pending(p.attempt, p.sent, null,
            "looking for it again failed: " + e.getMessage()));
      }
      return kept(keep, closing);
    }
    for (Pending p : todo) {
      if (p.stopId != null) {
        stopAgain(p, stopper, keep);
        continue;
      }
      Instant to = p.attempt.failedAt.plus(skew).plus(skew);
      String chosen = null;
      synchronized (reconciling) {
        List<String> ids = unclaimed(candidates(p.attempt, p.sent, active, to));
        if (!ids.isEmpty() && !settled) {
          keep.add(new Pending(p.attempt, p.sent, null, "other creates were in flight"));
          continue;
        }
        if (!ids.isEmpty()) {
          chosen = ids.get(0);
          claimed.add(chosen);
        }
      }
      if (chosen != null) {
        stopAgain(new Pending(p.attempt, p.sent, chosen, p.why), stopper, keep);
      } else if (!closing && clock.instant().isBefore(to)) {
        keep.add(p); // its session may still appear
      } else {
        LOG.log(Level.INFO, "Lost create of provider '" + provider + "' resolved: no session"
            + " matching it is active; " + p.describe());
      }
    }
    return kept(keep, closing);
  }

  private void stopAgain(Pending p, Stopper stopper, List<Pending> keep) {
    try {
      stopper.stop(p.stopId);
      LOG.log(Level.INFO, "Lost create of provider '" + provider + "' resolved: session '"
          + p.stopId + "' stopped; " + p.describe());
    } catch (SessionNotFoundException gone) {
      // ended and forgotten: nothing runs
    } catch (BrowserSessionException e) {
      keep.add(new Pending(p.attempt, p.sent, p.stopId, "stopping it failed: " + e.getMessage()));
    }
  }

  /** Keeps the still unresolved ones pending, or returns them when closing. */
  private List<Pending> kept(List<Pending> keep, boolean closing) {
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

  /** The ids of the candidates no create has claimed; call holding {@code reconciling}. */
  private List<String> unclaimed(List<Map<?, ?>> found) {
    List<String> ids = new ArrayList<>();
    for (Map<?, ?> candidate : found) {
      String id = SessionResponses.id(candidate).orElseThrow();
      if (!claimed.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private BrowserSessionException stopped(Attempt a, Map<String, Object> sent,
      BrowserSessionException failure, String chosen, List<String> others, Stopper stopper) {
    String rest = others.isEmpty() ? "" : " Other active sessions matching this request that no"
        + " create of this provider returned were left running: " + others + " (other failed"
        + " creates of this provider take their own; otherwise another process sharing the API"
        + " key may own them).";
    try {
      stopper.stop(chosen);
    } catch (BrowserSessionException stopFailed) {
      failure.addSuppressed(stopFailed);
      defer(new Pending(a, sent, chosen, "stopping it failed: " + stopFailed.getMessage()));
      return FailureNotes.withNote(failure, "Notte started the session anyway: session '"
          + chosen + "' was found but stopping it failed (" + stopFailed.getMessage()
          + "); " + LATER + " Or stop it with stop(\"" + chosen + "\")." + rest);
    }
    return FailureNotes.withNote(failure, "Notte started the session anyway: the lost session '"
        + chosen + "' was found and stopped; nothing of this create is left running." + rest);
  }

  /**
   * Active sessions in the attempt's window (its send minus the skew allowance, to {@code to})
   * echoing its request, closest to its send first.
   */
  private List<Map<?, ?>> candidates(Attempt a, Map<String, Object> sent, List<Map<?, ?>> active,
      Instant to) {
    Instant from = a.sentAt.minus(skew);
    List<Map<?, ?>> found = new ArrayList<>();
    for (Map<?, ?> s : active) {
      Instant created = SessionResponses.instant(s, "created_at");
      if (SessionResponses.id(s).isPresent() && "active".equals(s.get("status"))
          && created != null && !created.isBefore(from) && !created.isAfter(to)
          && StartEcho.matches(sent, s)) {
        found.add(s);
      }
    }
    found.sort(Comparator.comparing((Map<?, ?> s) -> Duration.between(
        a.sentAt, SessionResponses.instant(s, "created_at")).abs()));
    return found;
  }

  /** Waits for the other creates in flight now; whether they all ended in time. */
  private boolean awaitInFlight(Attempt self) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (Attempt other : inFlight.values()) {
      if (other != self) {
        pending.add(other.done);
      }
    }
    if (pending.isEmpty()) {
      return true;
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(inFlightWait.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void end(Attempt a) {
    inFlight.remove(a.seq);
    a.done.complete(null);
  }
}
