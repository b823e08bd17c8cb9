package dev.browsersessions.spi;

import java.util.regex.Pattern;

/**
 * Makes text a server sent (an error message, a close reason, an attribute) safe to put in an
 * exception message, a log line, a {@code SessionInfo} or on a terminal: one line, no escape
 * sequence, no control character, nothing that reorders text, and, with {@link #bounded}, of a
 * bounded length. Providers pass vendor text through it where it enters; the command line
 * cleans everything it prints with it too.
 */
public final class ServerText {

  /**
   * Escape sequences, 7-bit and 8-bit: CSI ({@code ESC [} or U+009B, up to its final byte), OSC,
   * DCS, SOS, PM and APC strings (up to BEL or the string terminator, or to the end), and the
   * two-byte and nF {@code ESC} sequences.
   */
  private static final Pattern ESCAPE_SEQUENCE =
      Pattern.compile(
          "(?:\u001b\\[|\u009b)[0-?]*[ -/]*[@-~]?"
              + "|(?:\u001b[\\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])"
              + "[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\\\|\u009c)?"
              + "|\u001b[ -/]*[0-~]?");

  private ServerText() {}

  /**
   * The text with each escape sequence, each control character (C0, DEL, C1) and each invisible
   * character that reorders text (bidirectional overrides and isolates) replaced by one space;
   * tabs, line breaks and the Unicode line and paragraph separators become spaces too. Nothing
   * else is changed, and text that needs no change is returned as it is.
   *
   * <p>Replaced, not deleted: a removal must never join what it separated, or a secret split by
   * an inserted control character (which a redactor looking for the whole secret does not find)
   * would come out whole.
   *
   * @param text the text, possibly {@code null}
   * @return the clean text, {@code null} for {@code null}
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && !isUnsafe(text.charAt(i)) && !isLineBreak(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    String s = ESCAPE_SEQUENCE.matcher(text).replaceAll(" ");
    StringBuilder out = new StringBuilder(s.length());
    for (int j = 0; j < s.length(); j++) {
      char c = s.charAt(j);
      out.append(isUnsafe(c) || isLineBreak(c) ? ' ' : c);
    }
    return out.toString();
  }

  /**
   * The text {@link #clean cleaned} and cut to at most {@code maxChars} characters (never inside
   * a surrogate pair), with {@code "…"} added when it was cut.
   *
   * @param text the text, possibly {@code null}
   * @param maxChars the most characters kept, at least 1
   * @return the clean, bounded text, {@code null} for {@code null}
   * @throws IllegalArgumentException if {@code maxChars} is less than 1
   */
  public static String bounded(String text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, got " + maxChars);
    }
    String clean = clean(text);
    if (clean == null || clean.length() <= maxChars) {
      return clean;
    }
    int end = Character.isHighSurrogate(clean.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return clean.substring(0, end) + "…";
  }

  /**
   * Whether a character must never reach a log or a terminal as it is: a control character
   * (C0, DEL, C1) or one that reorders text.
   *
   * @param c the character
   * @return {@code true} if it must be removed or escaped
   */
  public static boolean isUnsafe(char c) {
    return Character.isISOControl(c) || isBidiControl(c);
  }

  /**
   * Whether a character must be escaped where text is kept rather than {@link #clean cleaned}
   * (a JSON string, a refused value shown in a message): it is {@link #isUnsafe unsafe} or a line
   * break of any kind, the Unicode line and paragraph separators included.
   *
   * @param c the character
   * @return {@code true} if it must be escaped
   */
  public static boolean needsEscape(char c) {
    return isUnsafe(c) || isLineBreak(c);
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }
}
