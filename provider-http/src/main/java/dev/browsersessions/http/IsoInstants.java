package dev.browsersessions.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Vendors' ISO-8601 timestamps read without a {@code DateTimeFormatter}, which allocates a few
 * kilobytes and parses field by field on every call: the one fast path of every REST provider
 * (a status answer carries two or three timestamps). Anything else is left to the caller's
 * formatter.
 */
public final class IsoInstants {

  private IsoInstants() {}

  /**
   * The common {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|±HH:MM]}.
   *
   * @param t the text, trimmed
   * @param offsetRequired whether a time without {@code Z} or an offset is refused ({@code
   *     null}); otherwise it is taken as UTC
   * @return the instant, or {@code null} for any other text (left to a formatter)
   */
  public static Instant parse(String t, boolean offsetRequired) {
    int n = t.length();
    if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
      }
      if (i == start || i - start > 9) {
        return null;
      }
      nanos = digits(t, start, i);
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n) {
      if (offsetRequired) {
        return null;
      }
      offsetSeconds = 0;
    } else if (i == n - 1 && (t.charAt(i) == 'Z' || t.charAt(i) == 'z')) {
      offsetSeconds = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-')
        && t.charAt(i + 3) == ':') {
      int oh = digits(t, i + 1, i + 3);
      int om = digits(t, i + 4, i + 6);
      if ((oh | om) < 0 || oh > 18 || om > 59) {
        return null;
      }
      offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal value of {@code t[from, to)}, or -1 if it is not all digits. */
  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
