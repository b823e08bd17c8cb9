package dev.browsersessions.conformance.selftest;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kit's own honest provider: sessions in memory, time from a {@link Clock}. It must pass the
 * whole kit with any set of capabilities.
 */
public final class ReferenceProvider implements BrowserSessionProvider {

  /** The provider's name. */
  public static final String NAME = "reference";

  private final Clock clock;
  private final Set<Capability> capabilities;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /**
   * Creates a provider.
   *
   * @param clock where time comes from
   * @param capabilities what it declares (and honours)
   */
  public ReferenceProvider(Clock clock, Set<Capability> capabilities) {
    this.clock = clock;
    this.capabilities = Set.copyOf(capabilities);
  }

  /**
   * Every capability.
   *
   * @return all of them
   */
  public static Set<Capability> everything() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    RequestChecks.requireSupported(request, capabilities, NAME);
    Session s = new Session("ref-" + UUID.randomUUID(), request, clock.instant());
    sessions.put(s.id, s);
    return s.snapshot();
  }

  @Override
  public SessionInfo status(String sessionId) {
    Session s = find(sessionId);
    synchronized (s) {
      s.expire(clock.instant());
      if (!s.status.isTerminal()) {
        s.lastActiveAt = clock.instant();
      }
      return s.snapshot();
    }
  }

  @Override
  public SessionInfo stop(String sessionId) {
    Session s = find(sessionId);
    synchronized (s) {
      Instant now = clock.instant();
      s.expire(now);
      if (!s.status.isTerminal()) {
        s.end(SessionStatus.CLOSED, now, "stopped");
      }
      return s.snapshot();
    }
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    if (!capabilities.contains(Capability.LIST)) {
      throw new UnsupportedCapabilityException(Capability.LIST, NAME);
    }
    Instant now = clock.instant();
    return sessions.values().stream()
        .map(s -> {
          synchronized (s) {
            s.expire(now);
            return s.snapshot();
          }
        })
        .filter(filter::matches)
        .toList();
  }

  private Session find(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    Session s = sessions.get(sessionId);
    if (s == null) {
      throw new SessionNotFoundException(sessionId, NAME);
    }
    return s;
  }

  /** One session's mutable state; guarded by its own monitor. */
  private final class Session {
    final String id;
    final SessionRequest request;
    final Instant createdAt;
    Instant lastActiveAt;
    SessionStatus status = SessionStatus.ACTIVE;
    Instant closedAt;
    String closeReason;

    Session(String id, SessionRequest request, Instant createdAt) {
      this.id = id;
      this.request = request;
      this.createdAt = createdAt;
      this.lastActiveAt = createdAt;
    }

    void expire(Instant now) {
      if (status.isTerminal()) {
        return;
      }
      request.maxDuration().map(createdAt::plus).filter(end -> !now.isBefore(end))
          .ifPresent(end -> end(SessionStatus.TIMED_OUT, end, "max duration reached"));
      if (status.isTerminal()) {
        return;
      }
      request.idleTimeout().map(lastActiveAt::plus).filter(end -> !now.isBefore(end))
          .ifPresent(end -> end(SessionStatus.TIMED_OUT, end, "idle timeout reached"));
    }

    void end(SessionStatus terminal, Instant at, String reason) {
      status = terminal;
      closedAt = at;
      closeReason = reason;
    }

    SessionInfo snapshot() {
      SessionInfo.Builder b = SessionInfo.builder(id, NAME, status)
          .createdAt(createdAt)
          .lastActiveAt(lastActiveAt)
          .closedAt(closedAt)
          .closeReason(closeReason)
          .idleTimeout(request.idleTimeout().orElse(null))
          .maxDuration(request.maxDuration().orElse(null))
          .metadata(request.metadata());
      if (capabilities.contains(Capability.CDP_URL)) {
        b.cdpUrl(URI.create("ws://127.0.0.1:9222/devtools/browser/" + id));
      }
      if (capabilities.contains(Capability.LIVE_VIEW)) {
        b.liveViewUrl(URI.create("http://127.0.0.1:9222/live/" + id));
      }
      return b.build();
    }
  }
}
