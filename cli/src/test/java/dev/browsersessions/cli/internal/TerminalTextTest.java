package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text from a server reaches the terminal without escape sequences or control characters. */
class TerminalTextTest {

  static Stream<Arguments> hostileText() {
    return Stream.of(
        Arguments.of("colour (CSI)", "a\u001b[31;1mred\u001b[0m b", "ared b"),
        Arguments.of("clear screen", "x\u001b[2J\u001b[Hy", "xy"),
        Arguments.of("title (OSC, BEL)", "a\u001b]0;owned\u0007b", "ab"),
        Arguments.of("link (OSC, ST)", "a\u001b]8;;http://e.x\u001b\\b", "ab"),
        Arguments.of("unterminated OSC", "a\u001b]0;owned", "a"),
        Arguments.of("8-bit CSI (C1)", "a\u009b31mb", "ab"),
        Arguments.of("8-bit OSC", "a\u009d0;owned\u009cb", "ab"),
        Arguments.of("DCS", "a\u001bPq#0\u001b\\b", "ab"),
        Arguments.of("two-byte ESC", "a\u001bcb", "ab"),
        Arguments.of("lone ESC at the end", "ab\u001b", "ab"),
        Arguments.of("C0, DEL and C1", "a\u0000\u0007\u0008\u007f\u0085b", "ab"),
        Arguments.of("line breaks and tabs", "a\nb\r\nc\td", "a b  c d"),
        Arguments.of("bidi override", "abc\u202edcba\u202c", "abcdcba"),
        Arguments.of("ordinary text", "Ünïcødé, 日本語 & \"quotes\" [ok]", "Ünïcødé, 日本語 & \"quotes\" [ok]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileText")
  void removesEscapeSequencesAndControlCharacters(String name, String raw, String clean) {
    assertThat(TerminalText.clean(raw)).isEqualTo(clean);
  }

  @Test
  void jsonNeverWritesAControlCharacterRaw() throws Exception {
    String text = "a\u001b[31m\u009b\u0085\u007f\u202eb";

    String json = Json.write(Map.of("m", text));

    assertThat(json.chars().filter(c -> TerminalText.isUnsafe((char) c))).isEmpty();
    assertThat(new ObjectMapper().readTree(json).get("m").asText()).isEqualTo(text);
  }
}
