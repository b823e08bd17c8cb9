package dev.browsersessions.conformance.selftest.broken;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.conformance.internal.ForwardingProvider;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Broken providers whose answers go wrong as time passes or as calls repeat. */
public final class BrokenOverTime {

  private BrokenOverTime() {}

  /** The vendor's nightly sweep marks sessions stopped more than 30 minutes ago as expired. */
  public static final class SweepRewritesEnd extends ReadRewriting {
    private static final Duration SWEEP = Duration.ofMinutes(30);
    private final Clock clock;

    /**
     * @param delegate the honest provider
     * @param clock the provider's clock
     */
    public SweepRewritesEnd(BrowserSessionProvider delegate, Clock clock) {
      super(delegate);
      this.clock = clock;
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      boolean swept = info.status() == SessionStatus.CLOSED && info.closedAt()
          .filter(at -> at.plus(SWEEP).isBefore(clock.instant())).isPresent();
      return swept ? info.toBuilder().status(SessionStatus.TIMED_OUT).closeReason("expired")
          .build() : info;
    }
  }

  /**
   * Every read path reports half the idle timeout the session is really held to (say, the
   * vendor's "warn before timeout" threshold mapped as the limit): a client that trusts the
   * reported grant finds the session still running after it.
   */
  public static final class IdleTimeoutUnderstated extends ReadRewriting {
    /** @param delegate the honest provider */
    public IdleTimeoutUnderstated(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return info.toBuilder()
          .idleTimeout(info.idleTimeout().map(d -> d.dividedBy(2)).orElse(null))
          .build();
    }
  }

  /**
   * Every read path reports half the maximum duration the session is really held to: the
   * session runs on well past the reported grant.
   */
  public static final class MaxDurationUnderstated extends ReadRewriting {
    /** @param delegate the honest provider */
    public MaxDurationUnderstated(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return info.toBuilder()
          .maxDuration(info.maxDuration().map(d -> d.dividedBy(2)).orElse(null))
          .build();
    }
  }

  /**
   * Every read path reports twice the maximum duration the session is really held to (the
   * vendor's plan ceiling instead of the granted value): the session ends long before the
   * reported grant.
   */
  public static final class MaxDurationOverstated extends ReadRewriting {
    /** @param delegate the honest provider */
    public MaxDurationOverstated(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return info.toBuilder()
          .maxDuration(info.maxDuration().map(d -> d.multipliedBy(2)).orElse(null))
          .build();
    }
  }

  /** A second stop of an ended session answers CLOSED "stopped", whatever ended it. */
  public static final class SecondStopRewritesEnd extends ForwardingProvider {
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    /** @param delegate the honest provider */
    public SecondStopRewritesEnd(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      SessionInfo info = delegate.stop(sessionId);
      return stopped.add(sessionId) ? info
          : info.toBuilder().status(SessionStatus.CLOSED).closeReason("stopped").build();
    }
  }

  /** Both timeouts requested: only the maximum duration reaches the vendor (one timeout field). */
  public static final class LastTimeoutWins extends ForwardingProvider {
    /** @param delegate the honest provider */
    public LastTimeoutWins(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      if (request.idleTimeout().isEmpty() || request.maxDuration().isEmpty()) {
        return delegate.create(request);
      }
      return delegate.create(request.toBuilder().idleTimeout(null).build());
    }
  }
}
