package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.spi.ServerText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesWhatAParserReadsBack() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 unicode é \u2028");
    doc.put("long", 9_007_199_254_740_993L);
    doc.put("double", 1.5);
    doc.put("nan", Double.NaN);
    doc.put("bool", true);
    doc.put("null", null);
    doc.put("list", Arrays.asList(1, "two", null, List.of()));
    doc.put("nested", Map.of("k", Map.of()));
    doc.put("other", java.time.Duration.ofSeconds(5));

    String json = Json.write(doc);
    JsonNode n = new ObjectMapper().readTree(json);

    assertThat(json).doesNotContain("\n");
    assertThat(n.get("text").asText()).isEqualTo(doc.get("text"));
    assertThat(n.get("long").asLong()).isEqualTo(9_007_199_254_740_993L);
    assertThat(n.get("double").asDouble()).isEqualTo(1.5);
    assertThat(n.get("nan").asText()).isEqualTo("NaN");
    assertThat(n.get("bool").asBoolean()).isTrue();
    assertThat(n.get("null").isNull()).isTrue();
    assertThat(n.get("list")).hasSize(4);
    assertThat(n.get("list").get(2).isNull()).isTrue();
    assertThat(n.get("nested").get("k").isObject()).isTrue();
    assertThat(n.get("other").asText()).isEqualTo("PT5S");
  }

  @Test
  void neverWritesAControlBidiOrLineSeparatorCharacterRaw() throws Exception {
    String text = "a\u001b[31m\u009b\u0085\u007f\u202e\u2028\u2029b";

    String json = Json.write(Map.of("m", text));

    for (char c : json.toCharArray()) {
      assertThat(ServerText.needsEscape(c)).as("U+%04X written raw", (int) c).isFalse();
    }
    assertThat(new ObjectMapper().readTree(json).get("m").asText()).isEqualTo(text);
  }
}
