package dev.browsersessions.notte.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.http.VendorCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * the session.
 *
 * <p>Thread-safe.
 */
public final class LostCreates {

  /** The most session ids remembered as returned by this provider. */
  static final int MAX_CLAIMED = 10_000;

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

    private Attempt(long seq, Instant sentAt) {
      this.seq = seq;
      this.sentAt = sentAt;
    }

    /**
     * When the create was sent.
     *
     * @return the instant, on the provider's clock
     */
    public Instant sentAt() {
      return sentAt;
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
    end(a);
  }

  /**
   * Whether a failed create may have started a session: not when {@link
   * VendorCalls#noSessionStarted} proves none was, nor when Notte refused it with a 4xx; yes
   * after no answer (timeout, reset), a 5xx or an unreadable answer.
   *
   * @param e the failure
   * @return whether to look for the session
   */
  public static boolean mayHaveStarted(BrowserSessionException e) {
    if (VendorCalls.noSessionStarted(e)) {
      return false;
    }
    int status = e.httpStatus().orElse(0);
    return status == 0 ? e instanceof ProviderUnavailableException
        || e instanceof ProviderProtocolException
        : status >= 500 || (status < 300 && e instanceof ProviderProtocolException);
  }

  /**
   * Looks for the session a failed create may have started and, by policy, stops it.
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
    if (policy == LostCreatePolicy.IGNORE || !mayHaveStarted(failure)) {
      return failure;
    }
    boolean answered = failure.httpStatus().orElse(0) != 0;
    long deadline = System.nanoTime() + skew.toNanos();
    try {
      while (true) {
        // A session in this list was started by a request sent before the list was answered:
        // its create is over (its id claimed, or lost too) or in flight now, so wait for those.
        List<Map<?, ?>> found = candidates(a, sent, lookup.active());
        boolean settled = awaitInFlight(a);
        String chosen;
        List<String> others;
        synchronized (reconciling) {
          List<String> ids = new ArrayList<>();
          for (Map<?, ?> candidate : found) {
            String id = SessionResponses.id(candidate).orElseThrow();
            if (!claimed.contains(id)) {
              ids.add(id);
            }
          }
          if (!settled && !ids.isEmpty()) {
            return LostCreateFailures.note(failure, "Notte may have started the session anyway;"
                + " active sessions matching this request " + ids + " were not stopped because"
                + " other creates of this provider were still in flight after " + inFlightWait
                + " and may own them. " + LostCreateFailures.HOW_TO_FIND);
          }
          if (ids.isEmpty()) {
            if (answered || System.nanoTime() - deadline >= 0) {
              return LostCreateFailures.note(failure, "Notte may have started the session"
                  + " anyway; no active session matching this request was found (looked until "
                  + skew + " after the failure). " + LostCreateFailures.HOW_TO_FIND);
            }
            chosen = null;
            others = List.of();
          } else {
            chosen = ids.get(0);
            others = ids.subList(1, ids.size());
            if (policy == LostCreatePolicy.REPORT) {
              return LostCreateFailures.note(failure, "Notte may have started the session"
                  + " anyway: active session(s) " + ids + " match this request and no create of"
                  + " this provider returned them; lost-create=report, so nothing was stopped."
                  + " Stop it with stop(id) if it is yours.");
            }
            claimed.add(chosen); // no other lost create takes it
          }
        }
        if (chosen != null) {
          return stopped(failure, chosen, others, stopper);
        }
        LockSupport.parkNanos(pollInterval.toNanos());
      }
    } catch (BrowserSessionException lookupFailed) {
      failure.addSuppressed(lookupFailed);
      return LostCreateFailures.note(failure, "Notte may have started the session anyway and"
          + " looking for it failed (" + lookupFailed.getMessage() + "); a session may still"
          + " run. " + LostCreateFailures.HOW_TO_FIND);
    }
  }

  private BrowserSessionException stopped(BrowserSessionException failure, String chosen,
      List<String> others, Stopper stopper) {
    String rest = others.isEmpty() ? "" : " Other active sessions matching this request that no"
        + " create of this provider returned were left running: " + others + " (other failed"
        + " creates of this provider take their own; otherwise another process sharing the API"
        + " key may own them).";
    try {
      stopper.stop(chosen);
    } catch (BrowserSessionException stopFailed) {
      failure.addSuppressed(stopFailed);
      return LostCreateFailures.note(failure, "Notte started the session anyway: session '"
          + chosen + "' was found but stopping it failed (" + stopFailed.getMessage()
          + "); it may still run: stop it with stop(\"" + chosen + "\")." + rest);
    }
    return LostCreateFailures.note(failure, "Notte started the session anyway: the lost session '"
        + chosen + "' was found and stopped; nothing of this create is left running." + rest);
  }

  /** Active sessions in the attempt's window echoing its request, closest to its send first. */
  private List<Map<?, ?>> candidates(Attempt a, Map<String, Object> sent, List<Map<?, ?>> active) {
    Instant from = a.sentAt.minus(skew);
    Instant to = clock.instant().plus(skew);
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
