package dev.browsersessions.fake;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs the whole conformance kit through a {@code BrowserSessions} client with warm pools of the
 * kit's plain request and of its timeout rules' request: those creates are served by warm
 * sessions, started ahead on the pool's own threads. The fake, its clock and the kit's hooks are the plain fake's.
 */
class PooledClientConformanceTest extends FakeProviderConformanceTest {

  /** The idle timeout of the kit's timeout rules (section 8): those creates are pooled too. */
  private static final Duration KIT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** The pooled client seen as a provider: the kit's calls go through the client's API. */
  private static final class PooledClient implements BrowserSessionProvider {
    private final BrowserSessions client;

    PooledClient(BrowserSessions client) {
      this.client = client;
    }

    @Override
    public String name() {
      return client.provider();
    }

    @Override
    public Set<Capability> capabilities() {
      return client.capabilities();
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      return client.start(request).info();
    }

    @Override
    public SessionInfo status(String sessionId) {
      return client.status(sessionId);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return client.stop(sessionId);
    }

    @Override
    public List<SessionInfo> list(SessionFilter filter) {
      return client.list(filter);
    }

    @Override
    public void close() {
      client.close();
    }
  }

  @Override
  protected BrowserSessionProvider createProvider() {
    BrowserSessionProvider fake = super.createProvider(); // the fake on the kit's clock
    return new PooledClient(BrowserSessions.builder().provider(fake)
        .warmPool(SessionRequest.defaults(), 2)
        .warmPool(SessionRequest.builder().idleTimeout(KIT_IDLE_TIMEOUT).build(), 1)
        .discoverListeners(false).build());
  }
}
