package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
  void aStopUnderWayWhenTheHookRunsIsWaitedForAndNotRepeated() throws Exception {
    GatedStops provider = new GatedStops();
    try (BrowserSessions sessions = client(provider)) {
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
      provider.gate.open();
      user.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      hook.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      assertThat(user.isAlive() || hook.isAlive()).isFalse();
      assertThat(userStop.get()).isInstanceOf(SessionInfo.class);
      assertThat(((SessionInfo) userStop.get()).status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(provider.count("stop")).isEqualTo(1);
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
