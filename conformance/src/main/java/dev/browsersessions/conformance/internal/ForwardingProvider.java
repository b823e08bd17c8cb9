package dev.browsersessions.conformance.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.List;
import java.util.Set;

/**
 * Passes every call to a delegate; subclasses override the calls they change (the kit's
 * deferred-close wrapper, the self-tests' broken providers).
 */
public abstract class ForwardingProvider implements BrowserSessionProvider {

  /** The provider underneath. */
  protected final BrowserSessionProvider delegate;

  /**
   * Wraps a provider.
   *
   * @param delegate the provider underneath
   */
  protected ForwardingProvider(BrowserSessionProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    return delegate.create(request);
  }

  @Override
  public SessionInfo status(String sessionId) {
    return delegate.status(sessionId);
  }

  @Override
  public SessionInfo stop(String sessionId) {
    return delegate.stop(sessionId);
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    return delegate.list(filter);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
