package dev.browsersessions.cli.internal;

import dev.browsersessions.spi.ServerText;
import java.util.Iterator;
import java.util.Map;

/**
 * A tiny JSON writer for the command line's output: maps become objects, iterables arrays,
 * numbers and booleans stay as they are, {@code null} is {@code null}, and anything else is
 * written as a string. Control characters are always written as JSON escapes, never raw.
 */
final class Json {

  private Json() {}

  /**
   * Writes a value as compact JSON on one line.
   *
   * @param value a map, iterable, string, number, boolean or {@code null}
   * @return the JSON text
   */
  static String write(Object value) {
    StringBuilder s = new StringBuilder();
    write(value, s);
    return s.toString();
  }

  private static void write(Object value, StringBuilder s) {
    if (value == null) {
      s.append("null");
    } else if (value instanceof Map<?, ?> map) {
      s.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        string(String.valueOf(e.getKey()), s);
        s.append(':');
        write(e.getValue(), s);
        if (it.hasNext()) {
          s.append(',');
        }
      }
      s.append('}');
    } else if (value instanceof Iterable<?> items) {
      s.append('[');
      Iterator<?> it = items.iterator();
      while (it.hasNext()) {
        write(it.next(), s);
        if (it.hasNext()) {
          s.append(',');
        }
      }
      s.append(']');
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      s.append(value);
    } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      s.append(n);
    } else {
      string(String.valueOf(value), s);
    }
  }

  private static void string(String v, StringBuilder s) {
    s.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '\b' -> s.append("\\b");
        case '\f' -> s.append("\\f");
        default -> {
          // Control characters (also DEL and C1), bidi controls and the Unicode line and
          // paragraph separators are escaped (ServerText.needsEscape), so that JSON
          // printed to a terminal cannot carry an escape sequence.
          if (ServerText.needsEscape(c)) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }
}
