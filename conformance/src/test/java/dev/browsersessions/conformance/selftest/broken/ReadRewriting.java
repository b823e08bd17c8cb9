package dev.browsersessions.conformance.selftest.broken;

import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.conformance.internal.ForwardingProvider;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.List;

/**
 * A broken provider that rewrites what one or more read paths answer; the list filter is applied
 * to the rewritten entries, as a vendor adapter that maps after filtering would.
 */
public abstract class ReadRewriting extends ForwardingProvider {

  /** The read paths. */
  public enum Path {
    /** What create answers. */
    CREATE,
    /** What status answers. */
    STATUS,
    /** What stop answers. */
    STOP,
    /** A list entry. */
    LIST
  }

  /**
   * Wraps a provider.
   *
   * @param delegate the honest provider
   */
  protected ReadRewriting(BrowserSessionProvider delegate) {
    super(delegate);
  }

  /**
   * Rewrites one answer.
   *
   * @param path the read path
   * @param info what the honest provider answered
   * @return what this broken provider answers
   */
  protected abstract SessionInfo rewrite(Path path, SessionInfo info);

  @Override
  public SessionInfo create(SessionRequest request) {
    return rewrite(Path.CREATE, delegate.create(request));
  }

  @Override
  public SessionInfo status(String sessionId) {
    return rewrite(Path.STATUS, delegate.status(sessionId));
  }

  @Override
  public SessionInfo stop(String sessionId) {
    return rewrite(Path.STOP, delegate.stop(sessionId));
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    return delegate.list(SessionFilter.all()).stream()
        .map(i -> rewrite(Path.LIST, i))
        .filter(filter::matches)
        .toList();
  }
}
