package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A user's own shutdown hook that stops its session runs beside the client's: whichever stops it
 * first, the other gets the same terminal state, and the provider is asked once.
 */
class ShutdownHookStopTest {

  private static final long WAIT_SECONDS = Gate.WAIT_SECONDS;

  /** Holds the first stop at a gate until the test opens it; later stops go through. */
  private static final class GatedStops extends InMemoryProvider {
    final Gate gate = new Gate();
    final AtomicReference<String> held = new AtomicReference<>();
    private final AtomicBoolean first = new AtomicBoolean(true);

    @Override
    public SessionInfo stop(String sessionId) {
      if (first.getAndSet(false)) {
        held.set(sessionId);
        gate.pass();
      }
      return super.stop(sessionId);
    }
  }

  private static BrowserSessions client(InMemoryProvider provider) {
    return BrowserSessions.builder().provider(provider).discoverListeners(false).build();
  }

  /** Bounded: until the thread waits (here: for the handle's stop lock) or ends. */
  private static void awaitWaitingOrEnded(Thread t) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (t.isAlive() && !WAITING.contains(t.getState()) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(t.getState()).isIn(Thread.State.WAITING, Thread.State.BLOCKED,
        Thread.State.TIMED_WAITING, Thread.State.TERMINATED);
  }

  private static final Set<Thread.State> WAITING = EnumSet.of(
      Thread.State.WAITING, Thread.State.BLOCKED, Thread.State.TIMED_WAITING);

  @Test
  void aStopAfterTheHookStoppedTheSessionReturnsItsTerminalState() {
    InMemoryProvider provider = new InMemoryProvider();
    try (BrowserSessions sessions = client(provider)) {
      BrowserSession session = sessions.start(SessionRequest.defaults());
      sessions.stopOnShutdown(Duration.ofSeconds(WAIT_SECONDS));
      SessionInfo stopped = session.stop();
      assertThat(stopped.status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(provider.count("stop")).isEqualTo(1);
    }
  }

  @Test
  void aHandedOutWarmSessionStoppedByTheHookReturnsItsTerminalStateToItsHolder() {
    InMemoryProvider provider = new InMemoryProvider();
    List<Runnable> background = new ArrayList<>();
    try (BrowserSessions sessions = BrowserSessions.builder().provider(provider)
        .warmPool(SessionRequest.defaults(), 1).warmPoolExecutor(background::add)
        .discoverListeners(false).build()) {
      background.remove(0).run(); // s-1 warm
      BrowserSession session = sessions.start(SessionRequest.defaults());
      assertThat(session.id()).isEqualTo("s-1");

      sessions.stopOnShutdown(Duration.ofSeconds(WAIT_SECONDS));

      assertThat(session.stop().status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(provider.count("stop")).isEqualTo(1);
    }
  }

  @Test
  void aStopUnderWayWhenTheHookRunsIsWaitedForAndNotRepeated() throws Exception {
    GatedStops provider = new GatedStops();
    ListenerTest.Recording recording = new ListenerTest.Recording();
    try (BrowserSessions sessions = BrowserSessions.builder().provider(provider)
        .listener(recording).discoverListeners(false).build()) {
      BrowserSession session = sessions.start(SessionRequest.defaults());
      AtomicReference<Object> userStop = new AtomicReference<>();
      Thread user = new Thread(() -> {
        try {
          userStop.set(session.stop());
        } catch (RuntimeException e) {
          userStop.set(e);
        }
      }, "users-own-hook");
      user.start();
      assertThat(provider.gate.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      Thread hook = new Thread(() -> sessions.stopOnShutdown(Duration.ofSeconds(WAIT_SECONDS)),
          "client-hook");
      hook.start();
      awaitWaitingOrEnded(hook); // the hook holds the handle and waits for the user's stop
      provider.gate.open();
      user.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      hook.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      assertThat(user.isAlive() || hook.isAlive()).isFalse();
      assertThat(userStop.get()).isInstanceOf(SessionInfo.class);
      assertThat(((SessionInfo) userStop.get()).status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(provider.count("stop")).isEqualTo(1);
      assertThat(recording.leakGuard)
          .as("the user stopped it: no leak-guard stop is reported")
          .isEmpty();
    }
  }

  @Test
  void aHeldSessionCanBeStoppedWhileTheHookIsStoppingAnother() throws Exception {
    GatedStops provider = new GatedStops(); // holds the first stop only
    try (BrowserSessions sessions = client(provider)) {
      BrowserSession a = sessions.start(SessionRequest.defaults());
      BrowserSession b = sessions.start(SessionRequest.defaults());
      Thread hook = new Thread(() -> sessions.stopOnShutdown(Duration.ofSeconds(WAIT_SECONDS)),
          "client-hook");
      hook.start(); // the client is closed from here on
      assertThat(provider.gate.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      BrowserSession other = a.id().equals(provider.held.get()) ? b : a;
      assertThat(other.stop().status()).isEqualTo(SessionStatus.CLOSED);
      provider.gate.open();
      hook.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      assertThat(hook.isAlive()).isFalse();
      assertThat(provider.count("stop")).as("each session stopped once").isEqualTo(2);
    }
  }
}
