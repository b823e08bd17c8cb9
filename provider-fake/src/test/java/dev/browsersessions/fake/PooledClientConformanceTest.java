package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the whole conformance kit through a {@code BrowserSessions} client with warm pools of the
 * kit's plain request and of its timeout rules' request: those creates are served by warm
 * sessions, started ahead on the pool's own threads. Each provider waits (bounded) until its
 * pools are full, and after each test the first create of those requests must have been handed
 * a warm session. The fake, its clock and the kit's hooks are the plain fake's.
 */
class PooledClientConformanceTest extends FakeProviderConformanceTest {

  /** The idle timeout of the kit's timeout rules (section 8): those creates are pooled too. */
  private static final Duration KIT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** How many warm sessions the pools below hold together. */
  private static final int WARM = 3;

  /** How long a new provider waits for its pools to fill; the fake answers at once. */
  private static final Duration FILL_TIMEOUT = Duration.ofSeconds(10);

  /** The pooled client seen as a provider: the kit's calls go through the client's API. */
  private static final class PooledClient implements BrowserSessionProvider {
    private final BrowserSessions client;
    private final ExecutorService refills;
    private final Set<SessionRequest> pooledShapes;
    private final AtomicInteger pooledStarts = new AtomicInteger();
    private final AtomicInteger servedWarm = new AtomicInteger();

    PooledClient(BrowserSessions client, ExecutorService refills,
        Set<SessionRequest> pooledShapes) {
      this.client = client;
      this.refills = refills;
      this.pooledShapes = pooledShapes;
    }

    @Override
    public String name() {
      return client.provider();
    }

    @Override
    public Set<Capability> capabilities() {
      return client.capabilities();
    }

    /**
     * Starts through the client. A session id among the warm ones just before the start was
     * handed out from the pool: a session the start created itself has a new id.
     */
    @Override
    public SessionInfo create(SessionRequest request) {
      boolean pooled = pooledShapes.contains(request);
      Set<String> warmBefore = pooled ? client.warmSessions() : Set.of();
      SessionInfo info = client.start(request).info();
      if (pooled) {
        pooledStarts.incrementAndGet();
        if (warmBefore.contains(info.id())) {
          servedWarm.incrementAndGet();
        }
      }
      return info;
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

    /** Closes the client, then ends the refill threads (queued refills see it closed). */
    @Override
    public void close() {
      try {
        client.close();
      } finally {
        refills.shutdown();
        try {
          if (!refills.awaitTermination(FILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            refills.shutdownNow();
          }
        } catch (InterruptedException e) {
          refills.shutdownNow();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The kit's creates the pools are for: its plain request and its timeout rules' request. */
  private Set<SessionRequest> kitRequests() {
    return Set.of(minimalRequest(),
        minimalRequest().toBuilder().idleTimeout(KIT_IDLE_TIMEOUT).build());
  }

  @Override
  protected BrowserSessionProvider createProvider() {
    BrowserSessionProvider fake = super.createProvider(); // the fake on the kit's clock
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "pooled-client-refill");
      t.setDaemon(true);
      return t;
    });
    Semaphore refilled = new Semaphore(0);
    BrowserSessions client = BrowserSessions.builder().provider(fake)
        .warmPool(SessionRequest.defaults(), 2)
        .warmPool(SessionRequest.builder().idleTimeout(KIT_IDLE_TIMEOUT).build(), 1)
        .warmPoolExecutor(task -> threads.execute(() -> {
          try {
            task.run();
          } finally {
            refilled.release();
          }
        }))
        .discoverListeners(false).build();
    PooledClient pooled = new PooledClient(client, threads, kitRequests());
    try {
      awaitFull(client, refilled);
      return pooled;
    } catch (RuntimeException | AssertionError e) {
      pooled.close();
      throw e;
    }
  }

  /** Waits (bounded) until the pools' first refills ran: every warm session is in its pool. */
  private static void awaitFull(BrowserSessions client, Semaphore refilled) {
    boolean ran;
    try {
      ran = refilled.tryAcquire(WARM, FILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the warm pools filled", e);
    }
    assertThat(ran).as("the warm pools must start their %s sessions within %s", WARM,
        FILL_TIMEOUT).isTrue();
    assertThat(client.warmSessions()).as("the warm pools, full").hasSize(WARM);
  }

  /**
   * The pools were full when the test began, so the first create of a pooled request takes a
   * warm session: a test that made such creates and was never handed one did not use the pool.
   */
  @AfterEach
  void createsOfPooledRequestsWereServedByWarmSessions() {
    PooledClient pooled = (PooledClient) provider();
    if (pooled.pooledStarts.get() > 0) {
      assertThat(pooled.servedWarm.get())
          .as("of %s creates of the pooled requests, none was handed a warm session",
              pooled.pooledStarts.get())
          .isPositive();
    }
  }
}
