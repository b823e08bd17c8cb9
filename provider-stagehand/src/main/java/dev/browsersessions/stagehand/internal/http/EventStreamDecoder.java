package dev.browsersessions.stagehand.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.stagehand.internal.SseReader;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A decoder that reads a {@code text/event-stream} answer with {@link SseReader} and decodes the
 * {@code finished} event's {@code result} as the expected type; any other answer goes to the
 * delegate. For {@link StartResponse}, a result that is the bare {@code {sessionId, available,
 * cdpUrl}} is wrapped as a successful envelope.
 */
public final class EventStreamDecoder implements Decoder {

  private final Decoder delegate;
  private final Supplier<ObjectMapper> mapper;
  private final SseReader reader;

  /**
   * Creates the decoder.
   *
   * @param delegate decodes everything that is not an event stream
   * @param mapper converts the stream's result (asked for on first use)
   * @param provider the provider's name, for exceptions
   */
  public EventStreamDecoder(Decoder delegate, Supplier<ObjectMapper> mapper, String provider) {
    this.delegate = delegate;
    this.mapper = mapper;
    this.reader = new SseReader(mapper, provider);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (!isEventStream(response.headers()) || response.body() == null) {
      return delegate.decode(response, type);
    }
    JsonNode result;
    try (Reader body = response.body().asReader(StandardCharsets.UTF_8)) {
      result = reader.readResult(body);
    }
    if (type == StartResponse.class && result.isObject() && !result.has("success")) {
      com.fasterxml.jackson.databind.node.ObjectNode envelope = mapper.get().createObjectNode();
      envelope.put("success", true);
      envelope.set("data", result);
      result = envelope;
    }
    ObjectMapper m = mapper.get();
    return m.convertValue(result, m.constructType(type));
  }

  static boolean isEventStream(Map<String, Collection<String>> headers) {
    for (Map.Entry<String, Collection<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase("content-type")) {
        for (String v : h.getValue()) {
          if (v.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
