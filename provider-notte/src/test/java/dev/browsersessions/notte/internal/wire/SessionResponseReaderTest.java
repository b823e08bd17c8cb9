package dev.browsersessions.notte.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.http.VendorHttp;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SessionResponse.Reader} and {@link SessionPage.Reader}, which read straight from the
 * parser, give what binding the answer to a map and picking the fields gives ({@link
 * MapReference}).
 */
class SessionResponseReaderTest {

  private static final ObjectMapper MAPPER = VendorHttp.newMapper();

  private static final String SESSION = "{\"session_id\":\"s-1\",\"status\":\"active\","
      + "\"created_at\":\"2026-12-01T17:51:43.565058196\",\"headless\":true,"
      + "\"steps\":[{\"x\":1}],\"error\":null,\"proxies\":false}";
  private static final String ODD = "{\"session_id\":7,\"status\":\" \",\"cdp_url\":[\"x\"],"
      + "\"close_reason\":false,\"extra\":1,\"extra\":null,\"error\":\"boom\"}";

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"session_id\":\"s-1\",\"idle_timeout_minutes\":3,\"timeout_minutes\":3,"
          + "\"max_duration_minutes\":15,\"created_at\":\"2026-12-01T17:51:43.565058196\","
          + "\"last_accessed_at\":\"2026-12-01T17:51:43.614851793Z\",\"closed_at\":null,"
          + "\"duration\":\"PT0.049849034S\",\"status\":\"active\",\"steps\":[],\"error\":null,"
          + "\"proxies\":false,\"browser_type\":\"chromium\",\"headless\":true,"
          + "\"user_agent\":null,\"viewport_width\":null,\"solve_captchas\":false,"
          + "\"cdp_url\":\"wss://cdp.sim/s-1\",\"viewer_url\":\"https://viewer.sim/s-1\","
          + "\"future_field\":{\"nested\":[1,2.5,{\"x\":null}]}}",
      "{\"session_id\":7,\"status\":\" \",\"created_at\":\"\",\"idle_timeout_minutes\":\"3\","
          + "\"max_duration_minutes\":1.5,\"cdp_url\":[\"x\"],\"viewer_url\":{\"a\":1},"
          + "\"close_reason\":false,\"duration\":12,\"error\":\"boom\"}",
      "{\"session_id\":\"a\",\"session_id\":\"b\",\"extra\":1,\"extra\":null,\"other\":2,"
          + "\"other\":3,\"error\":\"x\",\"error\":null}",
      "{\"status\":\"closed\",\"idle_timeout_minutes\":12345678901234567890,"
          + "\"max_duration_minutes\":-1,\"big\":1e400,\"s\":\"\\u00e9\\n\"}"})
  void readsWhatTheMapBindingReads(String json) throws Exception {
    SessionResponse direct = MAPPER.readValue(json, SessionResponse.class);
    SessionResponse viaMap =
        MapReference.session(MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {}));
    assertThat(direct).isEqualTo(viaMap);
    assertThat(direct.others()).containsExactlyEntriesOf(viaMap.others());
    assertThat(direct.dropped()).isEqualTo(viaMap.dropped());
  }

  /** Every item of a page is read by the same reader as a session answer. */
  @ParameterizedTest
  @ValueSource(strings = {
      "[]",
      "[" + SESSION + ",null,\"text\",3,2.5,true,[1,{\"a\":null}]," + ODD + "]",
      "{\"items\":[" + SESSION + "," + ODD + ",{}],\"has_next\":true,\"page\":1}",
      "{\"items\":[" + SESSION + "],\"has_next\":\"true\"}",
      "{\"has_next\":true,\"items\":[" + ODD + "],\"items\":[" + SESSION + "]}",
      "{\"items\":[" + SESSION + "],\"items\":{\"not\":\"a list\"},\"has_next\":true}",
      "{\"items\":null,\"total\":0,\"note\":[1,null]}",
      "{\"data\":[" + SESSION + "]}",
      "\"a string\"",
      "42"})
  void readsPagesAsTheMapBindingReadsThem(String json) throws Exception {
    SessionPage direct = MAPPER.readValue(json, SessionPage.class);
    SessionPage viaMap = MapReference.page(MAPPER.readValue(json, Object.class));
    assertThat(direct).isEqualTo(viaMap);
    if (direct.items() != null) {
      for (int i = 0; i < direct.items().size(); i++) {
        SessionResponse d = direct.items().get(i);
        SessionResponse m = viaMap.items().get(i);
        if (d == null) {
          assertThat(m).isNull();
        } else {
          assertThat(d.others().keySet()).containsExactlyElementsOf(m.others().keySet());
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"x\"", "3", "true"})
  void anAnswerThatIsNotAnObjectIsUnreadable(String json) {
    assertThatThrownBy(() -> MAPPER.readValue(json, SessionResponse.class))
        .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
  }
}
