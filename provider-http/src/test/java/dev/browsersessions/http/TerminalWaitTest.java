package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.fake.MutableClock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one wait-until-terminal loop, on a clock the sleeper moves. */
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

  @Test
  void aTerminalStateIsReturnedWithoutReading() {
    assertThat(wait.await("s", SessionStatus.CLOSED, Function.identity(), () -> {
      throw new AssertionError("read");
    })).isEqualTo(SessionStatus.CLOSED);
  }
}
