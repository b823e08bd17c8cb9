package dev.browsersessions.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import feign.RequestTemplate;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.CharConversionException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Jackson for Feign, with what it needs built once: an {@link ObjectReader} and an {@link
 * ObjectWriter} per Java type, reading straight from the answer's bytes as UTF-8 (no {@code
 * Reader}, no charset parsing: JSON is UTF-8). Behaves as Feign's {@code
 * JacksonDecoder}: a 204 or 404 decodes to the type's empty value, an empty body to {@code
 * null}; a body with anything after its JSON value fails (a truncated or concatenated answer is
 * never half-read).
 */
final class JsonCodec implements Decoder, Encoder {

  private final Supplier<ObjectMapper> mapper;
  private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();
  private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

  JsonCodec(Supplier<ObjectMapper> mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.body() == null) {
      return response.status() == 204 || response.status() == 404 ? Util.emptyValueOf(type)
          : null;
    }
    return read(response.status(), BytesBody.of(response, VendorHttp.MAX_SUCCESS_BODY + 1), type);
  }

  /**
   * Reads an answer's body: what {@link #decode} does, from the parts of an answer. The body is
   * read as UTF-8 whatever charset the answer names (RFC 8259: JSON exchanged between systems is
   * UTF-8), so that what is decoded is what {@link Redactor} scanned; a body in another encoding
   * (UTF-16 or UTF-32, which Jackson would otherwise detect from its first bytes) is refused.
   *
   * @param status the answer's status
   * @param bytes its body
   * @param type the type to read
   * @return the value: the type's empty value for a 204 or 404, {@code null} for no body
   * @throws IOException if the body is not the UTF-8 JSON of the type
   */
  Object read(int status, byte[] bytes, Type type) throws IOException {
    if (status == 204 || status == 404) {
      return Util.emptyValueOf(type);
    }
    if (bytes.length == 0) {
      return null;
    }
    if (!utf8(bytes)) {
      throw new CharConversionException("the answer is not UTF-8 JSON");
    }
    try {
      return reader(type).readValue(bytes);
    } catch (RuntimeJsonMappingException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /**
   * Whether a body may be UTF-8 JSON by the bytes Jackson looks at to detect another encoding:
   * UTF-8 JSON has no {@code 0x00} byte (UTF-16 and UTF-32 have them among the first four) and
   * no {@code 0xFE} or {@code 0xFF} byte (their byte-order marks).
   */
  private static boolean utf8(byte[] bytes) {
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      int b = bytes[i] & 0xff;
      if (b == 0 || b == 0xfe || b == 0xff) {
        return false;
      }
    }
    return true;
  }

  /**
   * The reader of a type, built on first use (building one resolves Jackson's deserializers for
   * the type, the costly part of a first call).
   *
   * @param type the type
   * @return its reader
   */
  ObjectReader reader(Type type) {
    ObjectReader built = readers.get(type);
    if (built != null) {
      return built;
    }
    return readers.computeIfAbsent(type, t -> {
      ObjectMapper m = mapper.get();
      // a body is one JSON value: anything after it is a malformed answer, not ignored
      return m.readerFor(m.constructType(t))
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    });
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    template.body(bytes(object, bodyType), StandardCharsets.UTF_8);
  }

  /**
   * A request body as JSON.
   *
   * @param object the body
   * @param bodyType its declared type
   * @return the UTF-8 JSON
   * @throws EncodeException if Jackson cannot write it
   */
  byte[] bytes(Object object, Type bodyType) {
    ObjectWriter writer = writers.computeIfAbsent(bodyType, t -> {
      ObjectMapper m = mapper.get();
      return m.writerFor(m.constructType(t));
    });
    try {
      return writer.writeValueAsBytes(object);
    } catch (IOException e) {
      throw new EncodeException(e.getMessage(), e);
    }
  }
}
