package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.function.UnaryOperator;

/**
 * Makes sure a successful answer's body is in memory, at most {@link
 * VendorHttp#MAX_SUCCESS_BODY} bytes ({@link JdkClient} already read it so; another answer is
 * read here), before the real decoder sees it, so that a body that cannot be decoded becomes a {@link
 * ProviderProtocolException} with the status and a (redacted) excerpt, and an oversized body is
 * refused instead of filling the heap.
 */
final class BoundedDecoder implements Decoder {

  /** The most bytes of a body decoded for an exception's excerpt (which keeps 512 characters). */
  private static final int EXCERPT_BYTES = 4 * ProviderProtocolException.MAX_EXCERPT;

  private final Decoder delegate;
  private final String provider;
  private final String vendor;
  private final UnaryOperator<String> redactor;

  BoundedDecoder(Decoder delegate, String provider, String vendor, UnaryOperator<String> redactor) {
    this.delegate = delegate;
    this.provider = provider;
    this.vendor = vendor;
    this.redactor = redactor;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.body() == null) {
      return delegate.decode(response, type);
    }
    byte[] bytes = BytesBody.of(response, VendorHttp.MAX_SUCCESS_BODY + 1);
    return decode(response.body() instanceof BytesBody
        ? response : response.toBuilder().body(new BytesBody(bytes)).build(), bytes, type);
  }

  /**
   * Decodes an answer whose body is already in memory (read by {@link JdkClient}): what {@link
   * #decode(Response, Type)} does, without its checked exception.
   *
   * @param response the answer, its body {@code bytes}
   * @param bytes the body
   * @param type the type to read
   * @return the value
   * @throws BrowserSessionException if the body is oversized or cannot be decoded
   */
  Object decode(Response response, byte[] bytes, Type type) {
    refuseOversized(bytes, response.request().httpMethod().name(), response.status());
    try {
      return delegate.decode(response, type);
    } catch (BrowserSessionException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unreadable(e, bytes, response.status());
    }
  }

  /**
   * Decodes a 2xx answer's body straight from its bytes, when the decoder is the plain JSON one:
   * what {@link #decode} does, without a Feign {@code Response} (see {@code DirectTarget}).
   *
   * @param json the JSON codec, which must be this decoder's delegate
   * @param method the request's method, for messages
   * @param status the answer's status
   * @param bytes the body
   * @param type the type to read
   * @return the value
   */
  Object decodeJson(JsonCodec json, String method, int status, byte[] bytes, Type type) {
    refuseOversized(bytes, method, status);
    try {
      return json.read(status, bytes, type);
    } catch (BrowserSessionException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unreadable(e, bytes, status);
    }
  }

  /**
   * Whether this decoder reads JSON with {@code json} and nothing else (no provider's wrapper).
   *
   * @param json a codec
   * @return {@code true} when {@code json} is the whole delegate
   */
  boolean isPlain(JsonCodec json) {
    return delegate == json;
  }

  private void refuseOversized(byte[] bytes, String method, int status) {
    if (bytes.length > VendorHttp.MAX_SUCCESS_BODY) {
      throw ProviderProtocolException.unusable(
          vendor + " answered more than " + VendorHttp.MAX_SUCCESS_BODY + " bytes to "
              + method + "; refusing to read it",
          provider, status, null);
    }
  }

  private BrowserSessionException unreadable(Exception e, byte[] bytes, int status) {
    if (e.getCause() instanceof BrowserSessionException b) {
      return b;
    }
    return ProviderProtocolException.unusable(
        vendor + " answered a body that could not be read as the expected JSON",
        provider, status, redactor.apply(BytesBody.text(bytes, EXCERPT_BYTES)));
  }
}
