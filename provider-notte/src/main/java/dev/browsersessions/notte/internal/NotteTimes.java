package dev.browsersessions.notte.internal;

import dev.browsersessions.http.IsoInstants;
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
    Instant fast = fastInstant(t);
    return fast != null ? Optional.of(fast) : viaFormatter(t);
  }

  /** The general path: a plain date, or ISO date-time with offset if present, else UTC. */
  static Optional<Instant> viaFormatter(String t) {
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
    String t = text.trim();
    Duration fast = fastDuration(t);
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(Duration.parse(t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The common ISO form without a formatter ({@link IsoInstants}); naive times are UTC. */
  static Instant fastInstant(String t) {
    return IsoInstants.parse(t, false);
  }

  /**
   * The common {@code PT[nH][nM][n[.f]S]} (what Pydantic writes under a day) without the regex
   * of {@link Duration#parse}; {@code null} for any other text.
   */
  static Duration fastDuration(String t) {
    int n = t.length();
    if (n < 4 || t.charAt(0) != 'P' || t.charAt(1) != 'T') {
      return null;
    }
    long seconds = 0;
    long nanos = 0;
    int i = 2;
    int lastUnit = 0; // 1 H, 2 M, 3 S: units in order, each once
    while (i < n) {
      int start = i;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
      }
      if (i == start || i - start > 12 || i == n) {
        return null;
      }
      long value = Long.parseLong(t, start, i, 10);
      char unit = t.charAt(i);
      if (unit == '.') {
        int fs = ++i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
          i++;
        }
        if (i == fs || i - fs > 9 || i != n - 1 || t.charAt(i) != 'S' || lastUnit >= 3) {
          return null;
        }
        long f = Long.parseLong(t, fs, i, 10);
        for (int k = i - fs; k < 9; k++) {
          f *= 10;
        }
        nanos = f;
        unit = 'S';
      }
      int rank = unit == 'H' ? 1 : unit == 'M' ? 2 : unit == 'S' ? 3 : 0;
      if (rank <= lastUnit) {
        return null;
      }
      lastUnit = rank;
      seconds += value * (rank == 1 ? 3600 : rank == 2 ? 60 : 1);
      i++;
    }
    return Duration.ofSeconds(seconds, nanos);
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
