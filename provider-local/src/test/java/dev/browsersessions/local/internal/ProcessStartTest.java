package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A process is recognised by its start even when the JVM that recorded it and the one that
 * checks disagree about the wall clock (a clock stepped between their starts).
 */
class ProcessStartTest {

  private final ProcessHandle self = ProcessHandle.current();

  @Test
  void aProcessMatchesItsOwnStart() {
    assertThat(ProcessStart.of(self)).hasValueSatisfying(s -> assertThat(s.matches(self)).isTrue());
  }

  @Test
  void theTicksSinceBootDecideWhateverTheWallClockSaid() {
    OptionalLong ticks = ProcessStart.bootTicks(self.pid());
    assumeTrue(ticks.isPresent(), "no /proc: the instant decides");
    ProcessStart now = ProcessStart.of(self).orElseThrow();
    // Recorded by a JVM whose wall clock was an hour off: still this process.
    assertThat(new ProcessStart(now.instant().minus(Duration.ofHours(1)), ticks).matches(self))
        .isTrue();
    // The same instant but another start since boot: a reused pid, not this process.
    assertThat(new ProcessStart(now.instant(), OptionalLong.of(ticks.getAsLong() + 1))
        .matches(self)).isFalse();
  }

  @Test
  void aRecordWithoutTicksIsMatchedByTheInstantWithinASecond() {
    ProcessStart now = ProcessStart.of(self).orElseThrow();
    assertThat(new ProcessStart(now.instant(), OptionalLong.empty()).matches(self)).isTrue();
    assertThat(new ProcessStart(now.instant().minusSeconds(5), OptionalLong.empty())
        .matches(self)).isFalse();
  }

  @Test
  void aProcessThatIsGoneHasNoTicks() {
    assertThat(ProcessStart.bootTicks(Long.MAX_VALUE - 1)).isEmpty();
  }
}
