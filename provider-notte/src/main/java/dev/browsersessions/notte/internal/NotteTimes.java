package dev.browsersessions.notte.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Notte's timestamps come with or without an offset (Pydantic writes naive datetimes with none);
 * without one they are taken as UTC, as Notte's Go client does. Durations are ISO-8601.
 */
public final class NotteTimes {

  private NotteTimes() {}

  /**
   * Parses a timestamp.
   *
   * @param text e.g. {@code 2026-08-07T10:00:00.123456Z}, {@code 2026-08-07T10:00:00.123456} or
   *     {@code 2026-08-07}
   * @return the instant, if the text is one
   */
  public static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    try {
      if (t.indexOf('T') < 0) {
        return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      // One parse, no exceptions for the common naive form: offset if present, else UTC.
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
      return Optional.of(parsed instanceof OffsetDateTime o ? o.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses an ISO-8601 duration.
   *
   * @param text e.g. {@code PT1M41.286072S} or {@code P1DT5S}
   * @return the duration, if the text is one
   */
  public static Optional<Duration> duration(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(text.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Whole minutes, rounding up.
   *
   * @param d a positive duration
   * @return its minutes, at least 1
   */
  public static long ceilMinutes(Duration d) {
    long minutes = d.toMinutes();
    return d.equals(Duration.ofMinutes(minutes)) ? Math.max(1, minutes) : minutes + 1;
  }
}
