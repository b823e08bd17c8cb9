package dev.browsersessions.conformance.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.List;
import java.util.Set;

/**
 * Passes every call to a provider except {@code close()}, so the kit can check sessions after a
 * {@link dev.browsersessions.BrowserSessions} client closed "its" provider. The kit closes the real
 * provider itself after the test.
 */
public final class DeferredCloseProvider implements BrowserSessionProvider {

  private final BrowserSessionProvider delegate;

  /**
   * Wraps a provider.
   *
   * @param delegate the provider under test
   */
  public DeferredCloseProvider(BrowserSessionProvider delegate) {
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

  /** Does nothing: the kit closes the real provider after the test. */
  @Override
  public void close() {}
}
