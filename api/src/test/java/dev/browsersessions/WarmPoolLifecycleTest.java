package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The warm pool where it can leak or multiply vendor calls: a warm session that cannot be read,
 * and the shutdown hook racing a refill. Background work runs when the test says (a manual
 * executor), and a create can be held under way (a latch), so nothing depends on timing.
 */
class WarmPoolLifecycleTest {

  private static final long WAIT_SECONDS = Gate.WAIT_SECONDS;

  private final InMemoryProvider provider = new InMemoryProvider();
  private final ManualExecutor background = new ManualExecutor();
  private BrowserSessions sessions;

  /** Collects tasks; the test runs them. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    int runAll() {
      int n = 0;
      for (Runnable r; n < 1000 && (r = tasks.poll()) != null; n++) {
        r.run();
      }
      return n;
    }
  }

  /** Holds every create at a gate until the test opens it. */
  private static final class GatedProvider extends InMemoryProvider {
    final Gate gate = new Gate();

    @Override
    public SessionInfo create(SessionRequest request) {
      gate.pass();
      return super.create(request);
    }
  }

  private BrowserSessions pooled(InMemoryProvider p, int size, boolean stopSessionsOnClose) {
    sessions = BrowserSessions.builder().provider(p).warmPool(SessionRequest.defaults(), size)
        .warmPoolExecutor(background).stopSessionsOnClose(stopSessionsOnClose)
        .discoverListeners(false).build();
    return sessions;
  }

  @AfterEach
  void close() {
    if (sessions != null) {
      sessions.close();
      background.runAll();
    }
  }

  private static ProviderProtocolException unreadable() {
    return new ProviderProtocolException("an answer that cannot be used", "memory", 200, null,
        null);
  }

  private static ProviderUnavailableException busy() {
    return new ProviderUnavailableException("vendor busy", "memory", 503, null);
  }

  @Test
  void aWarmSessionThatCouldNotBeReadNorStoppedIsStoppedByCloseEvenWithStopSessionsOnCloseOff() {
    pooled(provider, 1, false);
    background.runAll(); // s-1 warm
    provider.failStatusFor.put("s-1", unreadable());
    provider.failStopFor.add("s-1");

    BrowserSession handedOut = sessions.start(SessionRequest.defaults());
    background.runAll(); // the background stop of s-1 fails; the refill starts s-3

    assertThat(handedOut.id()).isEqualTo("s-2");
    assertThat(provider.sessions.get("s-1").status()).isEqualTo(SessionStatus.ACTIVE);
    provider.failStopFor.clear();
    sessions.close();

    assertThat(provider.sessions.get("s-1").status())
        .as("a warm session never handed out is stopped by close(), whatever its history")
        .isEqualTo(SessionStatus.CLOSED);
    assertThat(provider.sessions.get("s-3").status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(provider.sessions.get("s-2").status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void aBusyVendorCostsOneStatusReadAndKeepsTheWarmSessions() {
    pooled(provider, 3, true);
    background.runAll(); // s-1, s-2, s-3 warm
    for (String id : sessions.warmSessions()) {
      provider.failStatusFor.put(id, busy());
    }
    provider.calls.clear();

    BrowserSession s = sessions.start(SessionRequest.defaults());

    assertThat(s.id()).isEqualTo("s-4");
    assertThat(provider.calls)
        .as("one status read, then a create as without a pool; nothing stopped")
        .containsExactly("status s-1", "create");
    assertThat(sessions.warmSessions()).containsExactlyInAnyOrder("s-1", "s-2", "s-3");
    assertThat(background.tasks).as("nothing to refill or stop").isEmpty();
  }

  @Test
  void aWarmSessionThatCannotBeUsedIsStoppedInTheBackgroundNotOnTheCallersThread() {
    pooled(provider, 3, true);
    background.runAll(); // s-1, s-2, s-3 warm
    provider.failStatusFor.put("s-1", unreadable());
    provider.failStatusFor.put("s-2", unreadable());
    provider.calls.clear();

    BrowserSession s = sessions.start(SessionRequest.defaults());

    assertThat(s.id()).isEqualTo("s-4");
    assertThat(provider.calls).containsExactly("status s-1", "create");
    assertThat(sessions.warmSessions()).containsExactlyInAnyOrder("s-2", "s-3");
    assertThat(background.runAll()).as("the stop of s-1 and the refill").isEqualTo(2);
    assertThat(provider.sessions.get("s-1").status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(sessions.openSessions()).doesNotContain("s-1");
    assertThat(sessions.warmSessions()).hasSize(3);
  }

  @Test
  void theShutdownHookWaitsForARefillUnderWayAndStopsWhatItStarted() throws Exception {
    GatedProvider gated = new GatedProvider();
    pooled(gated, 1, true);
    Thread refill = new Thread(background::runAll, "test-refill");
    refill.start();
    assertThat(gated.gate.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Thread hook = new Thread(() -> sessions.stopOnShutdown(Duration.ofSeconds(WAIT_SECONDS)),
        "test-shutdown-hook");
    hook.start();
    awaitWaitingOrEnded(hook); // waiting for the refill, or (the bug) already done

    gated.gate.open();
    refill.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    hook.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

    assertThat(hook.isAlive()).isFalse();
    assertThat(gated.sessions.get("s-1").status())
        .as("the session the refill started while the hook ran is stopped")
        .isEqualTo(SessionStatus.CLOSED);
    assertThat(sessions.openSessions()).isEmpty();
    assertThatThrownBy(() -> sessions.start(SessionRequest.defaults()))
        .isInstanceOf(BrowserSessionException.class).hasMessageContaining("closed");
    assertThat(background.tasks).as("a start after the hook refills nothing").isEmpty();
    assertThat(gated.count("create")).isEqualTo(1);
  }

  @Test
  void theShutdownHookWaitsForAUsersStartUnderWayAndStopsTheSessionItStarted() throws Exception {
    GatedProvider gated = new GatedProvider();
    pooled(gated, 1, true); // its refill stays queued: only the user's create runs
    java.util.concurrent.atomic.AtomicReference<Object> started =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread user = new Thread(() -> {
      try {
        started.set(sessions.start(SessionRequest.defaults()));
      } catch (RuntimeException e) {
        started.set(e);
      }
    }, "test-user-start");
    user.start();
    assertThat(gated.gate.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Thread hook = new Thread(() -> sessions.stopOnShutdown(Duration.ofSeconds(WAIT_SECONDS)),
        "test-shutdown-hook");
    hook.start();
    awaitWaitingOrEnded(hook); // waiting for the start, or (the bug) already done

    gated.gate.open();
    user.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    hook.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

    assertThat(user.isAlive() || hook.isAlive()).isFalse();
    assertThat(started.get()).isInstanceOf(BrowserSession.class);
    String id = ((BrowserSession) started.get()).id();
    assertThat(gated.sessions.get(id).status())
        .as("the session the user's start made while the hook waited is stopped")
        .isEqualTo(SessionStatus.CLOSED);
    assertThat(gated.sessions.values()).allMatch(SessionInfo::isTerminal);
    assertThat(sessions.openSessions()).isEmpty();
  }

  @Test
  void aClientWhoseFirstFillFailsStopsTheWarmSessionsItStarted() {
    java.util.concurrent.atomic.AtomicInteger tasks =
        new java.util.concurrent.atomic.AtomicInteger();
    Executor firstRunsThenFails = task -> {
      if (tasks.incrementAndGet() > 1) {
        throw new IllegalStateException("executor broken");
      }
      task.run();
    };
    assertThatThrownBy(() -> BrowserSessions.builder().provider(provider)
        .warmPool(SessionRequest.defaults(), 2).warmPoolExecutor(firstRunsThenFails)
        .shutdownHook(true).discoverListeners(false).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("executor broken");

    assertThat(provider.sessions.get("s-1").status())
        .as("nobody can close a client that was never returned: its warm session is stopped")
        .isEqualTo(SessionStatus.CLOSED);
    assertThat(provider.count("create")).isEqualTo(1);
  }

  @Test
  void aRefillThatFinishesAfterTheHookGaveUpWaitingStopsItsOwnSession() throws Exception {
    GatedProvider gated = new GatedProvider();
    pooled(gated, 1, true);
    Thread refill = new Thread(background::runAll, "test-refill");
    refill.start();
    assertThat(gated.gate.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    sessions.stopOnShutdown(Duration.ZERO); // cannot get the lock: goes on without it

    gated.gate.open();
    refill.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(refill.isAlive()).isFalse();
    assertThat(gated.sessions.get("s-1").status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(sessions.warmSessions()).isEmpty();
    assertThat(sessions.openSessions()).isEmpty();
  }

  /** Bounded: until the thread parks with a timeout (tryLock) or ends. */
  private static void awaitWaitingOrEnded(Thread t) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (t.getState() != Thread.State.TIMED_WAITING && t.isAlive()
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(t.getState()).isIn(Thread.State.TIMED_WAITING, Thread.State.TERMINATED);
  }
}
