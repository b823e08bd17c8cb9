package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeProviderTimeoutTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration IDLE = Duration.ofMinutes(5);
  private static final Duration MAX = Duration.ofMinutes(12);

  private final MutableClock clock = MutableClock.of(T0);
  private final FakeProvider fake = FakeProvider.builder().clock(clock).build();

  private SessionInfo createWithTimeouts() {
    return fake.create(SessionRequest.builder().idleTimeout(IDLE).maxDuration(MAX).build());
  }

  @Test
  void idleTimeoutEndsTheSessionAtTheMomentItPassed() {
    SessionInfo s = createWithTimeouts();
    clock.advance(IDLE.minusSeconds(1));
    assertThat(fake.session(s.id()).orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);

    clock.advance(Duration.ofMinutes(2));
    SessionInfo timedOut = fake.status(s.id());

    assertThat(timedOut.status()).isEqualTo(SessionStatus.TIMED_OUT);
    assertThat(timedOut.closedAt()).contains(T0.plus(IDLE));
    assertThat(timedOut.closeReason()).hasValueSatisfying(r -> assertThat(r).contains("idle"));
  }

  @Test
  void theDeadlineInstantItselfCountsAsExpired() {
    SessionInfo s = createWithTimeouts();
    clock.advance(IDLE);
    assertThat(fake.status(s.id()).status()).isEqualTo(SessionStatus.TIMED_OUT);
  }

  @Test
  void everyCallOnASessionRestartsItsIdleTimer() {
    SessionInfo s = createWithTimeouts();
    clock.advance(Duration.ofMinutes(4));
    fake.status(s.id());
    clock.advance(Duration.ofMinutes(4));

    SessionInfo stillActive = fake.status(s.id());

    assertThat(stillActive.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(stillActive.lastActiveAt()).contains(T0.plus(Duration.ofMinutes(8)));
  }

  @Test
  void activityDoesNotExtendTheMaximumDuration() {
    SessionInfo s = createWithTimeouts();
    for (int minutes : new int[] {4, 4, 3}) {
      clock.advance(Duration.ofMinutes(minutes));
      assertThat(fake.status(s.id()).status()).isEqualTo(SessionStatus.ACTIVE);
    }
    clock.advance(Duration.ofMinutes(1)); // 12 minutes after creation, 1 after the last call

    SessionInfo ended = fake.status(s.id());

    assertThat(ended.status()).isEqualTo(SessionStatus.TIMED_OUT);
    assertThat(ended.closedAt()).contains(T0.plus(MAX));
    assertThat(ended.closeReason()).hasValueSatisfying(r -> assertThat(r).contains("maximum"));
  }

  @Test
  void stopAfterATimeoutReturnsTheTimeoutUnchanged() {
    SessionInfo s = createWithTimeouts();
    clock.advance(Duration.ofHours(1));

    SessionInfo stopped = fake.stop(s.id());

    assertThat(stopped.status()).isEqualTo(SessionStatus.TIMED_OUT);
    assertThat(stopped.closedAt()).contains(T0.plus(IDLE));
    assertThat(fake.stop(s.id())).isEqualTo(stopped);
  }

  @Test
  void listAppliesTimeoutsLazilyToo() {
    SessionInfo timed = createWithTimeouts();
    SessionInfo forever = fake.create(SessionRequest.defaults());
    clock.advance(Duration.ofDays(1));

    assertThat(fake.list(SessionFilter.active())).extracting(SessionInfo::id)
        .containsExactly(forever.id());
    assertThat(fake.list(SessionFilter.withStatus(SessionStatus.TIMED_OUT)))
        .extracting(SessionInfo::id)
        .containsExactly(timed.id());
  }

  @Test
  void aClockMovedBackDoesNotMoveLastActivityBack() {
    SessionInfo s = createWithTimeouts();
    clock.advance(Duration.ofMinutes(2));
    fake.status(s.id());
    clock.set(T0);

    assertThat(fake.status(s.id()).lastActiveAt()).contains(T0.plus(Duration.ofMinutes(2)));
  }
}
