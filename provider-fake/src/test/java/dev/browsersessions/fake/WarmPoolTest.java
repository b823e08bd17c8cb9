package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The opt-in warm pool of {@code BrowserSessions}, on the fake with its clock and an executor the
 * test runs by hand (so "in the background" happens exactly when the test says).
 */
class WarmPoolTest {

  private final MutableClock clock = MutableClock.of(Instant.parse("2030-01-01T00:00:00Z"));
  private final FakeProvider fake = FakeProvider.builder().clock(clock).build();
  private final ManualExecutor background = new ManualExecutor();
  private BrowserSessions sessions;

  /** Collects tasks; the test runs them. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    int runAll() {
      int n = 0;
      for (Runnable r; (r = tasks.poll()) != null && n < 1000; n++) {
        r.run();
      }
      return n;
    }
  }

  private BrowserSessions pooled(SessionRequest shape, int size) {
    sessions = BrowserSessions.builder().provider(fake).warmPool(shape, size)
        .warmPoolExecutor(background).discoverListeners(false).build();
    return sessions;
  }

  @AfterEach
  void close() {
    if (sessions != null) {
      background.runAll();
      sessions.close();
    }
  }

  @Test
  void offByDefaultNothingStartsAhead() {
    sessions = BrowserSessions.builder().provider(fake).discoverListeners(false).build();

    assertThat(fake.sessions()).isEmpty();
    assertThat(sessions.warmSessions()).isEmpty();
  }

  @Test
  void fillsUpToSizeInTheBackgroundAndHandsOutAWarmSessionWithoutACreate() {
    pooled(SessionRequest.defaults(), 2);
    assertThat(fake.sessions()).isEmpty(); // nothing on the caller's thread
    assertThat(background.runAll()).isEqualTo(2);
    assertThat(sessions.warmSessions()).hasSize(2);
    fake.clearCalls();

    BrowserSession s = sessions.start(SessionRequest.defaults());

    assertThat(fake.calls(FakeOperation.CREATE)).isEmpty();
    assertThat(s.info().status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(s.cdpUrl()).isPresent();
    assertThat(sessions.warmSessions()).hasSize(1).doesNotContain(s.id());
    assertThat(background.runAll()).isEqualTo(1); // the refill
    assertThat(sessions.warmSessions()).hasSize(2);
  }

  @Test
  void neverHoldsMoreThanSizeCountingStartsUnderWay() {
    pooled(SessionRequest.defaults(), 2);
    // starts taken while the refills are still queued: each asks only for what is missing
    sessions.start(SessionRequest.defaults());
    sessions.start(SessionRequest.defaults());
    assertThat(background.tasks).hasSize(2);
    background.runAll();

    assertThat(sessions.warmSessions()).hasSize(2);
    assertThat(fake.list(SessionFilter.active())).hasSize(4); // 2 handed out, 2 warm
  }

  @Test
  void anotherRequestShapeIsNeverServedFromThePool() {
    pooled(SessionRequest.defaults(), 1);
    background.runAll();
    SessionRequest other = SessionRequest.builder().headless(false).build();
    fake.clearCalls();

    BrowserSession s = sessions.start(other);

    assertThat(fake.calls(FakeOperation.CREATE)).hasSize(1);
    assertThat(sessions.warmSessions()).hasSize(1).doesNotContain(s.id());
  }

  @Test
  void warmSessionsCarryTheOwnerTagAndAreTrackedByTheLeakGuard() {
    pooled(SessionRequest.defaults(), 2);
    background.runAll();

    assertThat(fake.sessions()).hasSize(2).allSatisfy(info -> assertThat(info.metadata())
        .containsEntry(BrowserSessions.OWNER_TAG, sessions.ownerId()));
    assertThat(sessions.openSessions()).containsAll(sessions.warmSessions());
  }

  @Test
  void aWarmSessionThatTimedOutWhileWaitingIsDroppedAndAFreshOneStarted() {
    SessionRequest shape = SessionRequest.builder().idleTimeout(Duration.ofMinutes(5)).build();
    pooled(shape, 1);
    background.runAll();
    String waited = sessions.warmSessions().iterator().next();
    clock.advance(Duration.ofMinutes(6)); // the vendor ended it while it sat in the pool

    BrowserSession s = sessions.start(shape);

    assertThat(s.id()).isNotEqualTo(waited);
    assertThat(s.info().status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(sessions.openSessions()).doesNotContain(waited);
  }

  @Test
  void closeStopsTheWarmSessionsEvenWithStopSessionsOnCloseOff() {
    sessions = BrowserSessions.builder().provider(fake).warmPool(SessionRequest.defaults(), 2)
        .warmPoolExecutor(background).stopSessionsOnClose(false).discoverListeners(false).build();
    background.runAll();
    BrowserSession handedOut = sessions.start(SessionRequest.defaults());
    int queuedRefills = background.tasks.size();

    sessions.close();
    assertThat(background.runAll()).isEqualTo(queuedRefills); // queued refills start nothing now

    assertThat(fake.list(SessionFilter.active())).extracting(info -> info.id())
        .containsExactly(handedOut.id()); // the user's session is left, as asked
    sessions = null;
  }

  @Test
  void closeStopsEverySessionByDefaultAndEndsTheOwnRefillThreads() {
    sessions = BrowserSessions.builder().provider(fake).warmPool(SessionRequest.defaults(), 1)
        .discoverListeners(false).build();
    sessions.start(SessionRequest.defaults());

    sessions.close();
    sessions = null;

    // the refill either finished before close (then close stopped it) or saw the client closed
    assertThat(fake.list(SessionFilter.active())).isEmpty();
  }

  @Test
  void aFailedRefillIsRetriedAtTheNextStartNotInALoop() {
    fake.failNext(FakeOperation.CREATE,
        () -> new ProviderUnavailableException("vendor down", "fake", 503, null));
    pooled(SessionRequest.defaults(), 1);
    assertThat(background.runAll()).isEqualTo(1);
    assertThat(sessions.warmSessions()).isEmpty();
    assertThat(background.tasks).isEmpty(); // no retry on its own

    BrowserSession s = sessions.start(SessionRequest.defaults()); // started as without a pool

    assertThat(s.info().status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(background.runAll()).isEqualTo(1);
    assertThat(sessions.warmSessions()).hasSize(1);
  }

  @Test
  void badSizesAndUnsupportedShapesFailAtBuildNamingTheOption() {
    assertThatThrownBy(() -> BrowserSessions.builder().warmPool(SessionRequest.defaults(), 0))
        .isInstanceOf(InvalidSessionRequestException.class).hasMessageContaining("warmPool");
    FakeProvider noRecording = FakeProvider.builder().without(Capability.RECORDING).build();
    SessionRequest recorded = SessionRequest.builder().recordSession(true).build();

    assertThatThrownBy(() -> BrowserSessions.builder().provider(noRecording)
        .warmPool(recorded, 1).warmPoolExecutor(background).build())
        .isInstanceOf(UnsupportedCapabilityException.class);
    assertThat(background.tasks).isEmpty();
  }
}
