package dev.browsersessions.notte.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.function.Supplier;

/**
 * Binds an answer straight from its bytes (provider-http has already read them, bounded), with no
 * {@code Reader} and its char buffer in between; empty bodies, 204 and 404 are left to Feign's
 * Jackson decoder, which answers {@code null} or an empty value for them.
 */
public final class BytesJsonDecoder implements Decoder {

  private final Decoder fallback;
  private final Supplier<ObjectMapper> mapper;

  /**
   * Creates the decoder.
   *
   * @param fallback Feign's Jackson decoder
   * @param mapper the mapper, obtained on first decode
   */
  public BytesJsonDecoder(Decoder fallback, Supplier<ObjectMapper> mapper) {
    this.fallback = fallback;
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    Response.Body body = response.body();
    if (body == null || body.length() == null || body.length() == 0
        || response.status() == 204 || response.status() == 404) {
      return fallback.decode(response, type);
    }
    ObjectMapper m = mapper.get();
    try (InputStream in = body.asInputStream()) {
      return m.readValue(in, m.constructType(type));
    }
  }
}
