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
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Jackson for Feign, with what it needs built once: an {@link ObjectReader} and an {@link
 * ObjectWriter} per Java type, reading straight from the answer's bytes (no {@code Reader}, no
 * charset parsing unless the answer names one other than UTF-8). Behaves as Feign's {@code
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
    Collection<String> types = response.headers().get("content-type");
    return read(response.status(), types == null || types.isEmpty() ? null
        : types.iterator().next(), BytesBody.of(response, VendorHttp.MAX_SUCCESS_BODY + 1), type);
  }

  /**
   * Reads an answer's body: what {@link #decode} does, from the parts of an answer.
   *
   * @param status the answer's status
   * @param contentType its {@code Content-Type}, or {@code null}
   * @param bytes its body
   * @param type the type to read
   * @return the value: the type's empty value for a 204 or 404, {@code null} for no body
   * @throws IOException if the body is not the JSON of the type
   */
  Object read(int status, String contentType, byte[] bytes, Type type) throws IOException {
    if (status == 204 || status == 404) {
      return Util.emptyValueOf(type);
    }
    if (bytes.length == 0) {
      return null;
    }
    ObjectReader reader = reader(type);
    try {
      Charset charset = charset(contentType);
      return charset == null ? reader.readValue(bytes) : reader.readValue(new String(bytes, charset));
    } catch (RuntimeJsonMappingException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
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

  /** The charset a {@code Content-Type} names when it is not UTF-8, else {@code null}. */
  private static Charset charset(String type) {
    if (type == null) {
      return null;
    }
    int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at < 0) {
      return null;
    }
    String name = type.substring(at + 8).split(";", 2)[0].trim().replace("\"", "");
    if (name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8")) {
      return null;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null; // an unknown charset: JSON is UTF-8 (RFC 8259)
    }
  }
}
