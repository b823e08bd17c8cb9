package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.QuotaExceededException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fault injection and the call record. */
class FakeProviderControlTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private final MutableClock clock = MutableClock.of(T0);
  private final FakeProvider fake = FakeProvider.builder().clock(clock).build();

  private static ProviderUnavailableException unavailable() {
    return new ProviderUnavailableException("vendor down", "fake", 503, null);
  }

  @Test
  void theNextNCallsFailThenCallsSucceedAgain() {
    fake.failNext(FakeOperation.CREATE, 2, FakeProviderControlTest::unavailable);
    assertThat(fake.pendingFailures(FakeOperation.CREATE)).isEqualTo(2);

    assertThatThrownBy(() -> fake.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class)
        .satisfies(e -> assertThat(((BrowserSessionException) e).isRetryable()).isTrue());
    assertThatThrownBy(() -> fake.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(fake.sessions()).isEmpty();

    assertThat(fake.create(SessionRequest.defaults()).status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(fake.pendingFailures(FakeOperation.CREATE)).isZero();
  }

  @Test
  void plannedFailuresAreUsedInOrderAndOnlyByTheirOperation() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    fake.failNext(FakeOperation.STATUS, FakeProviderControlTest::unavailable);
    fake.failNext(
        FakeOperation.STATUS, () -> new RateLimitedException("slow down", "fake", 429, null));

    assertThat(fake.stop(fake.create(SessionRequest.defaults()).id()).status())
        .isEqualTo(SessionStatus.CLOSED);
    assertThatThrownBy(() -> fake.status(s.id())).isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> fake.status(s.id())).isInstanceOf(RateLimitedException.class);
    assertThat(fake.status(s.id()).status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void aFailedStopLeavesTheSessionRunning() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    fake.failNext(FakeOperation.STOP, FakeProviderControlTest::unavailable);

    assertThatThrownBy(() -> fake.stop(s.id())).isInstanceOf(ProviderUnavailableException.class);

    assertThat(fake.session(s.id()).orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(fake.stop(s.id()).status()).isEqualTo(SessionStatus.CLOSED);
  }

  @Test
  void listAndCloseCanFailToo() {
    fake.failNext(FakeOperation.LIST, () -> new QuotaExceededException("no", "fake", 402));
    fake.failNext(FakeOperation.CLOSE, FakeProviderControlTest::unavailable);

    assertThatThrownBy(() -> fake.list(SessionFilter.all()))
        .isInstanceOf(QuotaExceededException.class);
    assertThatThrownBy(fake::close).isInstanceOf(ProviderUnavailableException.class);
    assertThat(fake.isClosed()).isFalse();
    assertThat(fake.list(SessionFilter.all())).isEmpty();
  }

  @Test
  void checksComeBeforePlannedFailures() {
    fake.failNext(FakeOperation.STATUS, FakeProviderControlTest::unavailable);

    assertThatThrownBy(() -> fake.status("no/slash"))
        .isInstanceOf(InvalidSessionRequestException.class);
    assertThat(fake.pendingFailures(FakeOperation.STATUS)).isEqualTo(1);
  }

  @Test
  void failNextRejectsBadArgumentsAndANullException() {
    assertThatThrownBy(() -> fake.failNext(FakeOperation.STOP, 0, FakeProviderControlTest::unavailable))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> fake.failNext(FakeOperation.STOP, 1, null))
        .isInstanceOf(NullPointerException.class);

    fake.failNext(FakeOperation.CREATE, () -> null);
    assertThatThrownBy(() -> fake.create(SessionRequest.defaults()))
        .isInstanceOf(BrowserSessionException.class)
        .hasMessageContaining("returned null");
  }

  @Test
  void everyCallIsRecordedWithItsArgumentsAndTime() {
    SessionRequest request = SessionRequest.builder().metadata("k", "v").build();
    SessionInfo s = fake.create(request);
    clock.advance(Duration.ofSeconds(1));
    fake.status(s.id());
    clock.advance(Duration.ofSeconds(1));
    fake.stop(s.id());
    fake.list(SessionFilter.all());
    assertThatThrownBy(() -> fake.status("unknown")).isInstanceOf(BrowserSessionException.class);
    fake.close();

    assertThat(fake.calls())
        .containsExactly(
            new FakeCall(FakeOperation.CREATE, Optional.empty(), Optional.of(request), T0),
            new FakeCall(FakeOperation.STATUS, Optional.of(s.id()), Optional.empty(),
                T0.plusSeconds(1)),
            new FakeCall(FakeOperation.STOP, Optional.of(s.id()), Optional.empty(),
                T0.plusSeconds(2)),
            new FakeCall(FakeOperation.LIST, Optional.empty(), Optional.empty(), T0.plusSeconds(2)),
            new FakeCall(FakeOperation.STATUS, Optional.of("unknown"), Optional.empty(),
                T0.plusSeconds(2)),
            new FakeCall(FakeOperation.CLOSE, Optional.empty(), Optional.empty(),
                T0.plusSeconds(2)));
    assertThat(fake.calls(FakeOperation.STATUS)).hasSize(2);
  }

  @Test
  void callsThatFailAreRecordedToo() {
    fake.failNext(FakeOperation.CREATE, FakeProviderControlTest::unavailable);
    assertThatThrownBy(() -> fake.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThatThrownBy(() -> fake.stop(null)).isInstanceOf(InvalidSessionRequestException.class);

    assertThat(fake.calls())
        .extracting(FakeCall::operation)
        .containsExactly(FakeOperation.CREATE, FakeOperation.STOP);
    assertThat(fake.calls(FakeOperation.STOP).get(0).sessionId()).isEmpty();
  }

  @Test
  void inspectionIsNotRecordedAndTheRecordCanBeClearedOrTurnedOff() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    fake.sessions();
    fake.session(s.id());
    fake.endSession(s.id(), SessionStatus.CLOSED, "by the vendor");
    assertThat(fake.calls()).hasSize(1);

    fake.clearCalls();
    assertThat(fake.calls()).isEmpty();
    assertThat(fake.sessions()).hasSize(1);

    FakeProvider quiet = FakeProvider.builder().recordCalls(false).build();
    quiet.create(SessionRequest.defaults());
    assertThat(quiet.calls()).isEmpty();
  }

  @Test
  void callRecordIsImmutable() {
    fake.create(SessionRequest.defaults());
    assertThatThrownBy(() -> fake.calls().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
