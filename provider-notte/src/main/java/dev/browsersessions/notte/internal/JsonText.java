package dev.browsersessions.notte.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.http.VendorHttp;
import java.util.function.Supplier;

/**
 * JSON text of bound values, for the rare places that need it (an oversized attribute, the
 * excerpt of an unusable answer). Its mapper is built on first use, never on the hot path.
 */
final class JsonText {

  private JsonText() {}

  /** provider-http's mapper, built on the first {@code get()}. */
  private static final Supplier<ObjectMapper> MAPPER = VendorHttp.lazyMapper();

  /**
   * The JSON text of a value.
   *
   * @param value plain Java values
   * @return the text, or {@code String.valueOf(value)} if it cannot be written
   */
  static String of(Object value) {
    try {
      return MAPPER.get().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
