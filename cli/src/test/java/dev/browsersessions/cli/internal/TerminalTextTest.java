package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text from a server reaches the terminal without escape sequences or control characters (the
 * cleaning itself, the API's ServerText, is tested case by case in the api module).
 */
class TerminalTextTest {

  @Test
  void removesEscapeSequencesControlCharactersAndLineBreaks() {
    assertThat(TerminalText.clean("quota \u001b]0;pwned\u0007exceeded\u009b31m\n now"))
        .isEqualTo("quota exceeded  now");
    assertThat(TerminalText.clean(null)).isEmpty();
  }

  @Test
  void jsonNeverWritesAControlCharacterRaw() throws Exception {
    String text = "a\u001b[31m\u009b\u0085\u007f\u202eb";

    String json = Json.write(Map.of("m", text));

    assertThat(json.chars().filter(c -> TerminalText.isUnsafe((char) c))).isEmpty();
    assertThat(new ObjectMapper().readTree(json).get("m").asText()).isEqualTo(text);
  }
}
