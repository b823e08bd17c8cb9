package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.observe.Operation;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one wait-until-terminal loop, on a clock the sleeper moves; it ends at the stop deadline or
 * at the client operation's deadline ({@code operation-timeout}), whichever comes first, always as
 * {@link StopNotConfirmedException}.
 */
class TerminalWaitTest {

  private final MutableClock clock = MutableClock.startingNow();
  private final TerminalWait wait = new TerminalWait("p", Duration.ofSeconds(2),
      Duration.ofMillis(500), clock, clock::advance);

  @Test
  void readsUntilTerminalPausingThePollInterval() {
    java.time.Instant start = clock.instant();
    Iterator<SessionStatus> reads = List.of(SessionStatus.ACTIVE, SessionStatus.CLOSED).iterator();
    SessionStatus end = wait.await("s", SessionStatus.ACTIVE, Function.identity(), reads::next);
    assertThat(end).isEqualTo(SessionStatus.CLOSED);
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aSessionStillRunningAtTheDeadlineIsNotConfirmed() {
    java.time.Instant start = clock.instant();
    assertThatThrownBy(() -> wait.await("s", SessionStatus.ACTIVE, Function.identity(),
        () -> SessionStatus.ACTIVE))
        .isInstanceOf(StopNotConfirmedException.class).hasMessageContaining("PT2S");
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(2));
  }

  /** A read as the transport makes it: refused, unsent, once the operation's deadline passed. */
  private static SessionStatus readOrRefuse(AtomicInteger reads) {
    reads.incrementAndGet();
    if (OperationDeadline.current().expired()) {
      throw new ProviderUnavailableException("Vendor was not asked GET /s: the operation's"
          + " deadline, operation-timeout, has passed", "p", 0, null);
    }
    return SessionStatus.ACTIVE;
  }

  @Test
  void theOperationsDeadlineEndsTheWaitAsNotConfirmedWithoutAnotherRead() {
    AtomicInteger reads = new AtomicInteger();
    Throwable t = catchThrowable(() -> OperationDeadline.within(Operation.STOP,
        Duration.ofNanos(1), () -> wait.await("s", SessionStatus.ACTIVE, Function.identity(),
            () -> readOrRefuse(reads))));
    assertThat(t).isInstanceOfSatisfying(StopNotConfirmedException.class, e -> {
      assertThat(e.lastStatus()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(e).hasMessageContaining("operation-timeout (PT0.000000001S)");
    });
    assertThat(reads).hasValue(0);
  }

  @Test
  void noPauseRunsPastTheOperationsDeadline() {
    Duration budget = Duration.ofMillis(200);
    List<Duration> pauses = new CopyOnWriteArrayList<>();
    TerminalWait recorded = new TerminalWait("p", Duration.ofSeconds(2), Duration.ofMillis(500),
        clock, d -> {
          pauses.add(d);
          clock.advance(d);
        });
    AtomicInteger reads = new AtomicInteger();
    Throwable t = catchThrowable(() -> OperationDeadline.within(Operation.STOP, budget,
        () -> recorded.await("s", SessionStatus.ACTIVE, Function.identity(),
            () -> readOrRefuse(reads))));
    assertThat(t).isInstanceOf(StopNotConfirmedException.class);
    assertThat(pauses).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(budget));
  }

  @Test
  void aReadFailingWithinTheDeadlineFailsTheWaitAsItFailed() {
    ProviderUnavailableException down = new ProviderUnavailableException("down", "p", 503, null);
    assertThatThrownBy(() -> OperationDeadline.within(Operation.STOP, Duration.ofMinutes(1),
        () -> wait.await("s", SessionStatus.ACTIVE, Function.identity(), () -> {
          throw down;
        }))).isSameAs(down);
  }

  @Test
  void aTerminalStateIsReturnedWithoutReading() {
    assertThat(wait.await("s", SessionStatus.CLOSED, Function.identity(), () -> {
      throw new AssertionError("read");
    })).isEqualTo(SessionStatus.CLOSED);
  }
}
