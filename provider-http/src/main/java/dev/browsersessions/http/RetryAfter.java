package dev.browsersessions.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how long a server asked the caller to wait: {@code Retry-After-Ms} (milliseconds), {@code
 * Retry-After} (seconds or an HTTP date), or {@code X-RateLimit-Reset} (a Unix time in seconds).
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * Reads the headers.
   *
   * @param headers the response headers (any case)
   * @param now the current time, for dates
   * @return the wait, never negative, if a header said
   */
  public static Optional<Duration> from(Map<String, Collection<String>> headers, Instant now) {
    Optional<String> ms = header(headers, "retry-after-ms");
    if (ms.isPresent()) {
      Optional<Duration> d = number(ms.get()).map(v -> Duration.ofMillis(v.longValue()));
      if (d.isPresent()) {
        return d.map(RetryAfter::notNegative);
      }
    }
    Optional<String> after = header(headers, "retry-after");
    if (after.isPresent()) {
      Optional<Duration> seconds = number(after.get()).map(v -> Duration.ofMillis((long) (v * 1000)));
      if (seconds.isPresent()) {
        return seconds.map(RetryAfter::notNegative);
      }
      try {
        Instant at = ZonedDateTime.parse(after.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
        return Optional.of(notNegative(Duration.between(now, at)));
      } catch (DateTimeParseException e) {
        // fall through to the next header
      }
    }
    return header(headers, "x-ratelimit-reset")
        .flatMap(RetryAfter::number)
        .map(v -> notNegative(Duration.between(now, Instant.ofEpochSecond(v.longValue()))));
  }

  private static Optional<String> header(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name)
          && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().iterator().next());
      }
    }
    return Optional.empty();
  }

  private static Optional<Double> number(String v) {
    try {
      double d = Double.parseDouble(v.trim());
      return Double.isFinite(d) && d < 1e12 ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration notNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
