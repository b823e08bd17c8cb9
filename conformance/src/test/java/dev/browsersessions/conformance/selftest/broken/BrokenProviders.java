package dev.browsersessions.conformance.selftest.broken;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.conformance.internal.ForwardingProvider;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Deliberately wrong providers, each a decorator of the honest reference provider with one bug a
 * real provider could plausibly have. The kit must fail every one of them.
 */
public final class BrokenProviders {

  private BrokenProviders() {}

  /** What a provider declares, less some capabilities. */
  private static Set<Capability> without(Set<Capability> declared, Capability... dropped) {
    Set<Capability> caps = EnumSet.copyOf(declared);
    caps.removeAll(java.util.List.of(dropped));
    return Set.copyOf(caps);
  }

  /** Stopping an already stopped session throws. */
  public static final class NonIdempotentStop extends ForwardingProvider {
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    /** @param delegate the honest provider */
    public NonIdempotentStop(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      SessionInfo info = delegate.stop(sessionId);
      if (!stopped.add(sessionId)) {
        throw new BrowserSessionException("session " + sessionId + " is already stopped", name());
      }
      return info;
    }
  }

  /** Stop and later status still say ACTIVE (a vendor status mapped wrongly). */
  public static final class StillActiveAfterStop extends ForwardingProvider {
    /** @param delegate the honest provider */
    public StillActiveAfterStop(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return activeIfClosed(delegate.stop(sessionId));
    }

    @Override
    public SessionInfo status(String sessionId) {
      return activeIfClosed(delegate.status(sessionId));
    }

    private static SessionInfo activeIfClosed(SessionInfo info) {
      return info.status() == SessionStatus.CLOSED
          ? info.toBuilder().status(SessionStatus.ACTIVE).build() : info;
    }
  }

  /** Every create reports the id of the first session. */
  public static final class DuplicateIds extends ForwardingProvider {
    private final AtomicReference<String> first = new AtomicReference<>();

    /** @param delegate the honest provider */
    public DuplicateIds(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      SessionInfo info = delegate.create(request);
      first.compareAndSet(null, info.id());
      return info.toBuilder().id(first.get()).build();
    }
  }

  /** Declares the timeouts and reports them as granted, but never sends them to the vendor. */
  public static final class TimeoutsIgnored extends ForwardingProvider {
    /** @param delegate the honest provider */
    public TimeoutsIgnored(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      SessionRequest dropped = request.toBuilder().idleTimeout(null).maxDuration(null).build();
      return delegate.create(dropped).toBuilder()
          .idleTimeout(request.idleTimeout().orElse(null))
          .maxDuration(request.maxDuration().orElse(null))
          .build();
    }
  }

  /** Status of an unknown id returns a made-up CLOSED session instead of throwing. */
  public static final class NotFoundSwallowed extends ForwardingProvider {
    /** @param delegate the honest provider */
    public NotFoundSwallowed(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo status(String sessionId) {
      try {
        return delegate.status(sessionId);
      } catch (SessionNotFoundException e) {
        return SessionInfo.builder(sessionId, name(), SessionStatus.CLOSED).build();
      }
    }
  }

  /** Stop of an unknown id reports success. */
  public static final class UnknownStopSucceeds extends ForwardingProvider {
    /** @param delegate the honest provider */
    public UnknownStopSucceeds(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      try {
        return delegate.stop(sessionId);
      } catch (SessionNotFoundException e) {
        return SessionInfo.builder(sessionId, name(), SessionStatus.CLOSED).build();
      }
    }
  }

  /** Sends ids to the vendor unchecked; the vendor answers 404 for "../x" and friends. */
  public static final class InvalidIdsAccepted extends ForwardingProvider {
    /** @param delegate the honest provider */
    public InvalidIdsAccepted(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo status(String sessionId) {
      return delegate.status(vendorWouldSee(sessionId));
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return delegate.stop(vendorWouldSee(sessionId));
    }

    private String vendorWouldSee(String sessionId) {
      try {
        return RequestChecks.requireValidId(sessionId);
      } catch (RuntimeException invalid) {
        throw new SessionNotFoundException(String.valueOf(sessionId), name(), 404);
      }
    }
  }

  /** Declares REGION but refuses every request that sets one. */
  public static final class DeclaredButRefused extends ForwardingProvider {
    /** @param delegate the honest provider */
    public DeclaredButRefused(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      if (request.region().isPresent()) {
        throw new UnsupportedCapabilityException(Capability.REGION, name());
      }
      return delegate.create(request);
    }
  }

  /** Does not declare REGION, yet silently drops a requested region instead of refusing it. */
  public static final class UndeclaredButAccepted extends ForwardingProvider {
    /** @param delegate the honest provider */
    public UndeclaredButAccepted(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public Set<Capability> capabilities() {
      return without(delegate.capabilities(), Capability.REGION);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      return delegate.create(request.toBuilder().region(null).build());
    }
  }

  /**
   * Does not declare REGION, but refuses a requested region only after the vendor's answer shows
   * it: the session is already started when UnsupportedCapabilityException is thrown.
   */
  public static final class RefusedAfterStarting extends ForwardingProvider {
    /** @param delegate the honest provider, declaring everything */
    public RefusedAfterStarting(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public Set<Capability> capabilities() {
      return without(delegate.capabilities(), Capability.REGION);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      SessionInfo started = delegate.create(request);
      if (request.region().isPresent()) {
        throw new UnsupportedCapabilityException(Capability.REGION, name());
      }
      return started;
    }
  }

  /**
   * Declares neither REGION nor METADATA (as Notte), refuses undeclared metadata at once, but a
   * requested region only after the vendor's answer shows it: the session is already started.
   * With LIST and no tags, the kit finds it by comparing list(all()) before and after.
   */
  public static final class RefusedAfterStartingUntagged extends ForwardingProvider {
    /** @param delegate the honest provider, declaring everything */
    public RefusedAfterStartingUntagged(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public Set<Capability> capabilities() {
      return without(delegate.capabilities(), Capability.REGION, Capability.METADATA);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      if (request.region().isPresent()) {
        delegate.create(request);
        throw new UnsupportedCapabilityException(Capability.REGION, name());
      }
      RequestChecks.requireSupported(request, capabilities(), name());
      return delegate.create(request);
    }
  }

  /**
   * Refuses an undeclared region only after starting the session, and its list is eventually
   * consistent: a session shows up in list() only 50 ms after its create. A kit that lists at
   * once after the refusal sees nothing started.
   */
  public static final class RefusedAfterStartingListedLate extends ForwardingProvider {
    private static final long LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private final Map<String, Long> visibleFrom = new ConcurrentHashMap<>();

    /** @param delegate the honest provider, declaring everything */
    public RefusedAfterStartingListedLate(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public Set<Capability> capabilities() {
      return without(delegate.capabilities(), Capability.REGION);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      SessionInfo started = delegate.create(request);
      visibleFrom.put(started.id(), System.nanoTime() + LAG_NANOS);
      if (request.region().isPresent()) {
        throw new UnsupportedCapabilityException(Capability.REGION, name());
      }
      return started;
    }

    @Override
    public List<SessionInfo> list(SessionFilter filter) {
      long now = System.nanoTime();
      return delegate.list(filter).stream()
          .filter(i -> visibleFrom.getOrDefault(i.id(), now) - now <= 0)
          .toList();
    }
  }

  /**
   * Declares neither LIST nor IDLE_TIMEOUT, yet list() answers and idle timeouts are accepted: an
   * opt-out that is not enforced, so optional rules would silently not apply.
   */
  public static final class SilentOptOut extends ForwardingProvider {
    /** @param delegate the honest provider, declaring everything */
    public SilentOptOut(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public Set<Capability> capabilities() {
      return without(delegate.capabilities(), Capability.LIST, Capability.IDLE_TIMEOUT);
    }
  }

  /** A stop that arrives while another stop of the same session runs throws. */
  public static final class ParallelStopRace extends ForwardingProvider {
    private static final long VENDOR_CALL_MILLIS = 100;
    private final Map<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();

    /** @param delegate the honest provider */
    public ParallelStopRace(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      RequestChecks.requireValidId(sessionId);
      boolean parallel = Thread.currentThread().getName().startsWith("conformance-worker-");
      if (!parallel || delegate.status(sessionId).isTerminal()) {
        return delegate.stop(sessionId); // only the kit's parallel workers can collide
      }
      CountDownLatch mine = new CountDownLatch(1);
      CountDownLatch other = inFlight.putIfAbsent(sessionId, mine);
      if (other != null) {
        other.countDown();
        throw new BrowserSessionException(
            "a stop of " + sessionId + " is already in progress", name(), 409, true, null);
      }
      try {
        // The slow vendor call: the window in which a concurrent stop collides.
        mine.await(VENDOR_CALL_MILLIS, TimeUnit.MILLISECONDS);
        return delegate.stop(sessionId);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrowserSessionException("interrupted", name());
      } finally {
        inFlight.remove(sessionId, mine);
      }
    }
  }

  /** list() leaves out the session created last (a vendor list read from a lagging index). */
  public static final class ListMissesSessions extends ForwardingProvider {
    private final AtomicReference<String> newest = new AtomicReference<>();

    /** @param delegate the honest provider */
    public ListMissesSessions(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      SessionInfo info = delegate.create(request);
      newest.set(info.id());
      return info;
    }

    @Override
    public List<SessionInfo> list(SessionFilter filter) {
      List<SessionInfo> all = new ArrayList<>(delegate.list(filter));
      all.removeIf(i -> i.id().equals(newest.get()));
      return all;
    }
  }

  /** create reports CLOSED for a running session. */
  public static final class CreateReturnsTerminal extends ForwardingProvider {
    /** @param delegate the honest provider */
    public CreateReturnsTerminal(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      return delegate.create(request).toBuilder().status(SessionStatus.CLOSED).build();
    }
  }

  /** Failures escape as IllegalStateException instead of BrowserSessionException. */
  public static final class RawExceptions extends ForwardingProvider {
    /** @param delegate the honest provider */
    public RawExceptions(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      return raw(() -> delegate.create(request));
    }

    @Override
    public SessionInfo status(String sessionId) {
      return raw(() -> delegate.status(sessionId));
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return raw(() -> delegate.stop(sessionId));
    }

    @Override
    public List<SessionInfo> list(SessionFilter filter) {
      return raw(() -> delegate.list(filter));
    }

    private static <T> T raw(Supplier<T> call) {
      try {
        return call.get();
      } catch (BrowserSessionException e) {
        throw new IllegalStateException(e.getMessage());
      }
    }
  }

  /** Declares METADATA but never stores it. */
  public static final class MetadataDropped extends ForwardingProvider {
    /** @param delegate the honest provider */
    public MetadataDropped(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      SessionRequest r = request;
      return delegate.create(new SessionRequest(r.idleTimeout(), r.maxDuration(), r.headless(),
          r.viewport(), r.userAgent(), r.proxy(), r.region(), r.solveCaptchas(),
          r.recordSession(), r.keepAlive(), Map.of(), r.providerOptions()));
    }
  }

  /** capabilities() changes from call to call. */
  public static final class UnstableCapabilities extends ForwardingProvider {
    private final AtomicBoolean flip = new AtomicBoolean();

    /** @param delegate the honest provider */
    public UnstableCapabilities(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> caps = EnumSet.copyOf(delegate.capabilities());
      if (flip.getAndSet(!flip.get())) {
        caps.remove(Capability.LIVE_VIEW);
      }
      return caps;
    }
  }

  /** capabilities() hands out its own mutable set. */
  public static final class MutableCapabilities extends ForwardingProvider {
    private final Set<Capability> caps;

    /** @param delegate the honest provider */
    public MutableCapabilities(BrowserSessionProvider delegate) {
      super(delegate);
      this.caps = EnumSet.copyOf(delegate.capabilities());
    }

    @Override
    public Set<Capability> capabilities() {
      return caps;
    }
  }

  /** stop(id) ends every running session, not just the one asked for. */
  public static final class StopEndsEverySession extends ForwardingProvider {
    /** @param delegate the honest provider; must declare LIST */
    public StopEndsEverySession(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      SessionInfo info = delegate.stop(sessionId);
      delegate.list(SessionFilter.active()).forEach(i -> delegate.stop(i.id()));
      return info;
    }
  }

  /** Timed-out sessions are reported as CLOSED. */
  public static final class TimedOutReportedAsClosed extends ForwardingProvider {
    /** @param delegate the honest provider */
    public TimedOutReportedAsClosed(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo status(String sessionId) {
      return closedIfTimedOut(delegate.status(sessionId));
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return closedIfTimedOut(delegate.stop(sessionId));
    }

    private static SessionInfo closedIfTimedOut(SessionInfo info) {
      return info.status() == SessionStatus.TIMED_OUT
          ? info.toBuilder().status(SessionStatus.CLOSED).build() : info;
    }
  }

  /** The provider's name is not its factory's and not lower-case. */
  public static final class WrongName extends ForwardingProvider {
    /** @param delegate the honest provider */
    public WrongName(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public String name() {
      return "Reference";
    }
  }
}
