package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The back-off the watchdog and the provider's check share for a session whose ending failed. */
class RetriesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aSessionThatNeverFailedIsDue() {
    assertThat(new Retries().due("local-a", T0)).isTrue();
  }

  @Test
  void eachFailureDoublesThePauseUpToAMinute() {
    Retries retries = new Retries();
    Instant at = T0;
    for (long expected : new long[] {1, 2, 4, 8, 16, 32, 60, 60}) {
      retries.tried("local-a", at, false);
      Instant next = at.plusSeconds(expected);
      assertThat(retries.due("local-a", next.minusMillis(1))).as("before %d s", expected)
          .isFalse();
      assertThat(retries.due("local-a", next)).as("after %d s", expected).isTrue();
      at = next;
    }
    assertThat(Retries.FIRST).isEqualTo(Duration.ofSeconds(1));
    assertThat(Retries.MAX).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aSuccessOrAForgottenSessionStartsAfresh() {
    Retries retries = new Retries();
    retries.tried("local-a", T0, false);
    retries.tried("local-b", T0, false);
    retries.tried("local-a", T0, true);
    assertThat(retries.due("local-a", T0)).isTrue();
    assertThat(retries.due("local-b", T0)).isFalse();
    retries.retainAll(List.of("local-a"));
    assertThat(retries.due("local-b", T0)).isTrue();
  }
}
