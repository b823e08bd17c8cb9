package dev.browsersessions.conformance.internal;

import java.util.List;

/** Session ids that must be refused before any vendor call. */
public final class InvalidIds {

  /** Ids that are blank, escape a URL path segment, inject headers, or are absurdly long. */
  public static final List<String> ALL =
      List.of(
          "",
          " ",
          "\t",
          ".",
          "..",
          "../x",
          "a/b",
          "a\\b",
          "%2e%2e",
          "?x=1",
          "#",
          "a b",
          "a\r\nb",
          "a\u0000b",
          "x".repeat(10_240));

  private InvalidIds() {}

  /**
   * A printable form of an id for assertion messages.
   *
   * @param id the id
   * @return the id with control characters escaped and long ids shortened
   */
  public static String show(String id) {
    if (id == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    int shown = Math.min(id.length(), 24);
    for (int i = 0; i < shown; i++) {
      char c = id.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    if (id.length() > shown) {
      b.append("...(").append(id.length()).append(" chars)");
    }
    return b.append('"').toString();
  }
}
