package dev.browsersessions.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text a server sent reaches messages, logs and terminals as one clean, bounded line. */
class ServerTextTest {

  static Stream<Arguments> hostileText() {
    return Stream.of(
        Arguments.of("colour (CSI)", "a\u001b[31;1mred\u001b[0m b", "a red  b"),
        Arguments.of("clear screen", "x\u001b[2J\u001b[Hy", "x  y"),
        Arguments.of("title (OSC, BEL)", "a\u001b]0;owned\u0007b", "a b"),
        Arguments.of("link (OSC, ST)", "a\u001b]8;;http://e.x\u001b\\b", "a b"),
        Arguments.of("unterminated OSC", "a\u001b]0;owned", "a "),
        Arguments.of("8-bit CSI (C1)", "a\u009b31mb", "a b"),
        Arguments.of("8-bit OSC", "a\u009d0;owned\u009cb", "a b"),
        Arguments.of("DCS", "a\u001bPq#0\u001b\\b", "a b"),
        Arguments.of("two-byte ESC", "a\u001bcb", "a b"),
        Arguments.of("lone ESC at the end", "ab\u001b", "ab "),
        Arguments.of("C0, DEL and C1", "a\u0000\u0007\u0008\u007f\u0085b", "a     b"),
        Arguments.of("line breaks and tabs", "a\nb\r\nc\td", "a b  c d"),
        Arguments.of("Unicode line and paragraph separators", "a\u2028b\u2029c", "a b c"),
        Arguments.of("bidi override", "abc\u202edcba\u202c", "abc dcba "),
        Arguments.of("a secret split by a control character", "sk-abc\u0007def", "sk-abc def"),
        Arguments.of("a secret split by an escape sequence", "sk-abc\u001b[0mdef",
            "sk-abc def"),
        Arguments.of("ordinary text", "Ünïcødé, 日本語 & \"quotes\" [ok]",
            "Ünïcødé, 日本語 & \"quotes\" [ok]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileText")
  void replacesEachEscapeSequenceAndControlCharacterWithOneSpace(String name, String raw,
      String clean) {
    assertThat(ServerText.clean(raw)).isEqualTo(clean);
  }

  @Test
  void cleanTextIsReturnedAsItIsAndNullStaysNull() {
    String plain = "Browserbase status COMPLETED — ok";
    assertThat(ServerText.clean(plain)).isSameAs(plain);
    assertThat(ServerText.clean(null)).isNull();
    assertThat(ServerText.bounded(null, 10)).isNull();
  }

  @Test
  void boundedCutsAfterCleaningAndNeverInsideASurrogatePair() {
    assertThat(ServerText.bounded("\u001b[31m" + "x".repeat(20), 10))
        .isEqualTo(" " + "x".repeat(9) + "…");
    assertThat(ServerText.bounded("short", 10)).isEqualTo("short");
    String pairs = "x" + "\uD83D\uDE00".repeat(10);
    assertThat(ServerText.bounded(pairs, 10)).hasSize(10).endsWith("\uDE00…");
  }

  @Test
  void boundedRefusesALimitBelowOne() {
    assertThatThrownBy(() -> ServerText.bounded("text", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChars");
    assertThat(ServerText.bounded("text", 1)).isEqualTo("t…");
  }

  @Test
  void needsEscapeNamesTheUnsafeCharactersAndEveryLineBreak() {
    for (char c : "\n\r\t\u2028\u2029\u0085\u202e\u001b".toCharArray()) {
      assertThat(ServerText.needsEscape(c)).as("U+%04X", (int) c).isTrue();
    }
    for (char c : "aZ09 -ü日".toCharArray()) {
      assertThat(ServerText.needsEscape(c)).as("U+%04X", (int) c).isFalse();
    }
  }
}
