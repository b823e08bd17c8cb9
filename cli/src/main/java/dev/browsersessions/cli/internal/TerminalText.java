package dev.browsersessions.cli.internal;

import java.util.regex.Pattern;

/**
 * Makes text safe to print on a terminal. Much of what the command line prints came from a server
 * (a vendor's error message, a session's close reason, its attributes) and could carry escape
 * sequences that recolour the terminal, move the cursor, rewrite the window title or hide text.
 * Every line the command line prints for people goes through {@link #clean(String)}.
 */
final class TerminalText {

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

  private TerminalText() {}

  /**
   * The text without escape sequences and control characters (C0, DEL, C1) and without the
   * invisible characters that reorder text (bidirectional overrides and isolates). Tabs and line
   * breaks become spaces; nothing else is changed.
   *
   * @param text the text, possibly {@code null}
   * @return the text safe to print, {@code ""} for {@code null}
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String s = ESCAPE_SEQUENCE.matcher(text).replaceAll("");
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (!isUnsafe(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether a character must never reach a terminal as it is: a control character (C0, DEL, C1)
   * or one that reorders text.
   *
   * @param c the character
   * @return {@code true} if it must be removed or escaped
   */
  static boolean isUnsafe(char c) {
    return Character.isISOControl(c) || isBidiControl(c);
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }
}
