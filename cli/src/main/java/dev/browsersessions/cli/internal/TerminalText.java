package dev.browsersessions.cli.internal;

import dev.browsersessions.spi.ServerText;

/**
 * Makes text safe to print on a terminal. Much of what the command line prints came from a server
 * (a vendor's error message, a session's close reason, its attributes) and could carry escape
 * sequences that recolour the terminal, move the cursor, rewrite the window title or hide text.
 * Every line the command line prints for people goes through {@link #clean(String)}, which is
 * the API's {@link ServerText#clean} (providers clean what their vendors send with it too; this
 * also covers providers that do not).
 */
final class TerminalText {

  private TerminalText() {}

  /**
   * The text as {@link ServerText#clean} makes it.
   *
   * @param text the text, possibly {@code null}
   * @return the text safe to print, {@code ""} for {@code null}
   */
  static String clean(String text) {
    return text == null ? "" : ServerText.clean(text);
  }

  /**
   * Whether a character must never reach a terminal as it is ({@link ServerText#isUnsafe}).
   *
   * @param c the character
   * @return {@code true} if it must be removed or escaped
   */
  static boolean isUnsafe(char c) {
    return ServerText.isUnsafe(c);
  }
}
