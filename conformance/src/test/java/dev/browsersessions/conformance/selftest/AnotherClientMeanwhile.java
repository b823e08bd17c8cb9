package dev.browsersessions.conformance.selftest;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.conformance.internal.ForwardingProvider;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An honest provider without METADATA (as Notte) on an account another client uses too: that
 * client started a session an hour before the kit, which the vendor's list shows only once the
 * kit's first refused create has happened (an eventually consistent list). The kit must neither
 * count that session against R7.4 nor stop it.
 */
final class AnotherClientMeanwhile extends ForwardingProvider {

  /** Every stop the kit sent for another client's session, across all instances. */
  static final List<String> STOPPED_OTHERS = new CopyOnWriteArrayList<>();

  private final String others;
  private volatile boolean shown;

  AnotherClientMeanwhile(BrowserSessionProvider delegate, ManualClock clock) {
    super(delegate);
    others = delegate.create(SessionRequest.defaults()).id();
    clock.advance(Duration.ofHours(1));
  }

  @Override
  public Set<Capability> capabilities() {
    Set<Capability> caps = EnumSet.copyOf(delegate.capabilities());
    caps.remove(Capability.METADATA);
    return Set.copyOf(caps);
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    try {
      RequestChecks.requireSupported(request, capabilities(), name());
    } catch (UnsupportedCapabilityException e) {
      shown = true;
      throw e;
    }
    return delegate.create(request);
  }

  @Override
  public SessionInfo stop(String sessionId) {
    if (others.equals(sessionId)) {
      STOPPED_OTHERS.add(sessionId);
    }
    return delegate.stop(sessionId);
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    boolean show = shown;
    return delegate.list(filter).stream().filter(i -> show || !i.id().equals(others)).toList();
  }
}
