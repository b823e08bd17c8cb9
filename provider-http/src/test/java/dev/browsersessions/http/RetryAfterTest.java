package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void readsSecondsMillisecondsDatesAndResetTimes() {
    assertThat(RetryAfter.from(Map.of("Retry-After", List.of("7")), NOW))
        .contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.from(Map.of("retry-after", List.of("1.5")), NOW))
        .contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.from(Map.of("Retry-After-Ms", List.of("250"), "Retry-After",
        List.of("9")), NOW)).contains(Duration.ofMillis(250));
    assertThat(RetryAfter.from(Map.of("Retry-After", List.of("Sun, 22 Nov 2026 10:00:30 GMT")),
        NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.from(Map.of("X-RateLimit-Reset",
        List.of(Long.toString(NOW.getEpochSecond() + 12))), NOW)).contains(Duration.ofSeconds(12));
  }

  @Test
  void pastDatesAreZeroAndGarbageIsIgnored() {
    assertThat(RetryAfter.from(Map.of("Retry-After", List.of("Sun, 22 Nov 2026 09:00:00 GMT")),
        NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.from(Map.of("Retry-After", List.of("soon")), NOW)).isEmpty();
    assertThat(RetryAfter.from(Map.of("Retry-After", List.of("1e400")), NOW)).isEmpty();
    assertThat(RetryAfter.from(Map.of(), NOW)).isEmpty();
  }
}
