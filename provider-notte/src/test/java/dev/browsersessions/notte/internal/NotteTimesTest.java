package dev.browsersessions.notte.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The formatter-free paths read exactly what java.time reads, and leave the rest to it. */
class NotteTimesTest {

  @Test
  void timestampsReadLikeTheIsoFormatter() {
    List<String> texts = List.of("2026-08-07T10:00:00.123456", "2026-08-07T10:00:00.123456Z",
        "2026-08-07T10:00:00Z", "2026-08-07T12:00:00+02:00", "2026-08-07T01:02:03.5-05:30",
        "2026-08-07T10:00:00.123456789Z", "2026-02-30T10:00:00", "2026-08-07T25:00:00",
        "2026-08-07T10:00", "2026-08-07T10:00:00.Z", "2026-08-07T10:00:00+0200",
        "2026-08-07", "x026-08-07T10:00:00", "2026-08-07T10:00:00.1234567891Z");
    for (String t : texts) {
      assertThat(NotteTimes.instant(t)).as(t).isEqualTo(NotteTimes.viaFormatter(t));
    }
    assertThat(NotteTimes.instant("2026-08-07")).contains(Instant.parse("2026-08-07T00:00:00Z"));
    assertThat(NotteTimes.instant(" ")).isEmpty();
  }

  @Test
  void durationsReadLikeDurationParse() {
    List<String> texts = List.of("PT41.286072S", "PT1M41.286072S", "PT2H", "PT1H2M3S", "PT0S",
        "PT5.5S", "P1DT5S", "PT1S2M", "PT", "PT.5S", "PT1.S", "-PT5S", "PT1M1M", "pt5s", "P2D");
    for (String t : texts) {
      Optional<Duration> expected;
      try {
        expected = Optional.of(Duration.parse(t));
      } catch (RuntimeException e) {
        expected = Optional.empty();
      }
      assertThat(NotteTimes.duration(t)).as(t).isEqualTo(expected);
    }
  }
}
