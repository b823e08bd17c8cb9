package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /sessions}: Notte answers a {@code PaginatedResponse_SessionResponse_}
 * ({@code {items, has_next, …}}) or, on some deployments, a bare array of sessions; both read
 * here, by {@link Reader}, each item with {@link SessionResponse}'s own reader. An item that is not
 * an object is kept (its {@link SessionResponse#notAnObject()} set; a {@code null} item stays
 * {@code null}).
 *
 * @param items the sessions, or {@code null} when the answer has no items array
 * @param hasNext whether the answer is a page with {@code has_next: true}
 * @param excerpt the answer's text when it has no items array, for the error ({@code null}
 *     otherwise)
 */
@JsonDeserialize(using = SessionPage.Reader.class)
public record SessionPage(List<SessionResponse> items, boolean hasNext, String excerpt) {

  /**
   * Reads a page from the parser: a bare array, or an object whose {@code items} (the last one,
   * when named twice, as a map binding keeps) is the array; anything else has no items.
   */
  static final class Reader extends StdDeserializer<SessionPage> {

    private static final long serialVersionUID = 1L;

    /** Stands for an items array in the fields kept for an excerpt (never shown: it has items). */
    private static final Object ITEMS = new Object();

    Reader() {
      super(SessionPage.class);
    }

    @Override
    public SessionPage deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.START_ARRAY) {
        return new SessionPage(items(p, ctxt), false, null);
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return new SessionPage(null, false, String.valueOf(ctxt.readValue(p, Object.class)));
      }
      List<SessionResponse> items = null;
      boolean hasNext = false;
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        boolean isItems = name.equals("items");
        if (isItems && t == JsonToken.START_ARRAY) {
          items = items(p, ctxt);
          fields.put(name, ITEMS);
          continue;
        }
        Object value = t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Object.class);
        fields.put(name, value);
        if (isItems) {
          items = null;
        } else if (name.equals("has_next")) {
          hasNext = Boolean.TRUE.equals(value);
        }
      }
      return new SessionPage(items, items != null && hasNext,
          items == null ? String.valueOf(fields) : null);
    }

    /** The items of the array the parser is at, each read as it comes. */
    private static List<SessionResponse> items(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      List<SessionResponse> items = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == JsonToken.START_OBJECT) {
          items.add(SessionResponse.read(p, ctxt));
        } else if (t == JsonToken.VALUE_NULL) {
          items.add(null);
        } else {
          items.add(SessionResponse.notAnObject(ctxt.readValue(p, Object.class)));
        }
      }
      return Collections.unmodifiableList(items);
    }
  }
}
