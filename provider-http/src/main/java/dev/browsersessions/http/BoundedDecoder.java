package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Makes sure a successful answer's body is in memory, at most {@link
 * VendorHttp#MAX_SUCCESS_BODY} bytes ({@link JdkClient} already read it so; another answer is
 * read here), before the real decoder sees it, so that a body that cannot be decoded becomes a {@link
 * ProviderProtocolException} with the status and a (redacted) excerpt, and an oversized body is
 * refused instead of filling the heap.
 */
final class BoundedDecoder implements Decoder {

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
    if (bytes.length > VendorHttp.MAX_SUCCESS_BODY) {
      throw ProviderProtocolException.unusable(
          vendor + " answered more than " + VendorHttp.MAX_SUCCESS_BODY + " bytes to "
              + response.request().httpMethod() + "; refusing to read it",
          provider, response.status(), null);
    }
    Response buffered = response.body() instanceof BytesBody
        ? response : response.toBuilder().body(new BytesBody(bytes)).build();
    try {
      return delegate.decode(buffered, type);
    } catch (BrowserSessionException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BrowserSessionException b) {
        throw b;
      }
      throw ProviderProtocolException.unusable(
          vendor + " answered a body that could not be read as the expected JSON",
          provider, response.status(),
          redactor.apply(new String(bytes, StandardCharsets.UTF_8)));
    }
  }
}
