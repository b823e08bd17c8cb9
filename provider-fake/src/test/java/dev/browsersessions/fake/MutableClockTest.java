package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void standsStillUntilAdvanced() {
    MutableClock clock = MutableClock.of(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

    assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(T0.plusSeconds(300));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void setMovesToAnyInstantAndNegativeAdvanceIsRefused() {
    MutableClock clock = MutableClock.of(T0);
    clock.set(T0.minusSeconds(10));
    assertThat(clock.instant()).isEqualTo(T0.minusSeconds(10));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set(Instant)");
  }

  @Test
  void clocksInOtherZonesShareTheTime() {
    MutableClock utc = MutableClock.of(T0);
    MutableClock paris = utc.withZone(ZoneId.of("Europe/Paris"));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);

    utc.advance(Duration.ofHours(1));
    assertThat(paris.instant()).isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void startingNowIsCloseToTheSystemTime() {
    Instant before = Instant.now().minusSeconds(1);
    MutableClock clock = MutableClock.startingNow();
    assertThat(clock.instant()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(clock.toString()).contains("MutableClock");
  }
}
