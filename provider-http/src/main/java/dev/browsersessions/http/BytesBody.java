package dev.browsersessions.http;

import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * An answer's body, already read (bounded) into memory: the decoders read the bytes directly,
 * without a second copy or a second {@link Response}.
 */
final class BytesBody implements Response.Body {

  private final byte[] bytes;

  BytesBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The body's bytes of an answer, reading at most {@code limit} bytes when it was not read by
   * {@link JdkClient} (e.g. an answer a provider built itself).
   *
   * @param response the answer, with a body
   * @param limit the most bytes read
   * @return the bytes (not a copy when already in memory)
   * @throws IOException if the body cannot be read
   */
  static byte[] of(Response response, int limit) throws IOException {
    if (response.body() instanceof BytesBody b) {
      return b.bytes;
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readNBytes(limit);
    }
  }

  @Override
  public Integer length() {
    return bytes.length;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public InputStream asInputStream() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public Reader asReader(Charset charset) {
    return new InputStreamReader(asInputStream(), charset);
  }

  @Override
  public void close() {
    // nothing to release: the connection went back to the pool when the body was read
  }

  @Override
  public String toString() {
    return "BytesBody[" + bytes.length + " bytes]";
  }
}
