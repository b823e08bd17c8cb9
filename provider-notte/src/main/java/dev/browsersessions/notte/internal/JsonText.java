package dev.browsersessions.notte.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON text of bound values, for the rare places that need it (an oversized attribute, the
 * excerpt of an unusable answer). Its mapper is built on first use, never on the hot path.
 */
final class JsonText {

  private JsonText() {}

  private static final class Holder {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
  }

  /**
   * The JSON text of a value.
   *
   * @param value plain Java values
   * @return the text, or {@code String.valueOf(value)} if it cannot be written
   */
  static String of(Object value) {
    try {
      return Holder.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
