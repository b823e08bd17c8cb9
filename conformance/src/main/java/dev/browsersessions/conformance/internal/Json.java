package dev.browsersessions.conformance.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a JSON reader for {@link CdpProbe}: it reads a browser's answer whatever the
 * order and spacing of its fields, so that the probe looks at the top-level members and not at
 * text that happens to appear inside a value. Objects become {@link Map}s in document order,
 * arrays {@link List}s, strings {@link String}s, numbers {@link JsonNumber}s (their text,
 * never converted), {@code true}/{@code false} {@link Boolean}s and {@code null} {@code null}.
 * Input is bounded by the caller (the probe's message limit); nesting is bounded here.
 */
final class Json {

  /** The deepest nesting read; deeper input is refused rather than overflowing the stack. */
  static final int MAX_DEPTH = 256;

  /**
   * A JSON number, as it was written.
   *
   * @param text e.g. {@code 1280} or {@code -1.5e3}
   */
  record JsonNumber(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Reads one JSON value that makes up the whole text (surrounding whitespace allowed).
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException when the text is not one JSON value
   */
  static Object parse(String text) {
    Json json = new Json(text);
    json.skipWhitespace();
    Object value = json.value(0);
    json.skipWhitespace();
    if (json.pos != text.length()) {
      throw json.error("text after the value");
    }
    return value;
  }

  /**
   * Like {@link #parse}, but {@code null} when the text is not JSON.
   *
   * @param text the text
   * @return the value, or {@code null}
   */
  static Object parseOrNull(String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException notJson) {
      return null;
    }
  }

  /**
   * The top-level members of a JSON object.
   *
   * @param text the text
   * @return its members; empty when the text is not a JSON object
   */
  static Map<String, Object> object(String text) {
    return parseOrNull(text) instanceof Map<?, ?> m ? cast(m) : Map.of();
  }

  /**
   * The first member with a name, depth first in document order (a member is looked at before
   * what it holds).
   *
   * @param tree a value from {@link #parse}
   * @param name the member's name
   * @param type what the member's value must be
   * @param <T> that type
   * @return its value, or {@code null} when there is none of that type
   */
  static <T> T first(Object tree, String name, Class<T> type) {
    if (tree instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (name.equals(e.getKey()) && type.isInstance(e.getValue())) {
          return type.cast(e.getValue());
        }
        T inside = first(e.getValue(), name, type);
        if (inside != null) {
          return inside;
        }
      }
    } else if (tree instanceof List<?> l) {
      for (Object item : l) {
        T inside = first(item, name, type);
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  /**
   * A string as a JSON string literal, quotes included: {@code "}, {@code \\} and control
   * characters escaped, so that text from outside (an id a browser handed out) cannot break the
   * command it is put into.
   *
   * @param value the string
   * @return the literal
   */
  static String quote(String value) {
    StringBuilder b = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (pos >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> members = new LinkedHashMap<>();
    pos++; // {
    skipWhitespace();
    if (peek('}')) {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (!peek('"')) {
        throw error("a member name is missing");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth + 1);
      if (!members.containsKey(name)) {
        members.put(name, value); // the first of duplicate names counts
      }
      skipWhitespace();
      if (peek(',')) {
        pos++;
      } else {
        expect('}');
        return Collections.unmodifiableMap(members);
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> items = new ArrayList<>();
    pos++; // [
    skipWhitespace();
    if (peek(']')) {
      pos++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipWhitespace();
      items.add(value(depth + 1));
      skipWhitespace();
      if (peek(',')) {
        pos++;
      } else {
        expect(']');
        return Collections.unmodifiableList(items);
      }
    }
  }

  private String string() {
    pos++; // "
    StringBuilder b = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (pos >= text.length()) {
        break;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("a \\u escape is cut off");
          }
          try {
            b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException notHex) {
            throw error("a \\u escape is not hexadecimal");
          }
          pos += 4;
        }
        default -> throw error("unknown escape \\" + e);
      }
    }
    throw error("a string is not closed");
  }

  private JsonNumber number() {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    int digits = digits();
    if (digits == 0 || (digits > 1 && text.charAt(pos - digits) == '0')) {
      throw error("not a value");
    }
    if (peek('.')) {
      pos++;
      if (digits() == 0) {
        throw error("a number has no digits after the point");
      }
    }
    if (peek('e') || peek('E')) {
      pos++;
      if (peek('+') || peek('-')) {
        pos++;
      }
      if (digits() == 0) {
        throw error("a number has no exponent digits");
      }
    }
    return new JsonNumber(text.substring(start, pos));
  }

  private int digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("not a value");
    }
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
    pos++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not JSON at " + pos + ": " + what);
  }
}
