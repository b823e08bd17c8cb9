package dev.browsersessions.http;

import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

  /**
   * An answer's body as text for a message: its first {@code maxBytes} bytes decoded as UTF-8, or
   * a note saying how long it is when they are not UTF-8 text (malformed, or holding a {@code NUL},
   * as UTF-16 does). {@link Redactor} finds secrets in UTF-8 text only, so a body in another
   * encoding is never quoted: a secret in it would not be redacted.
   *
   * @param bytes the body
   * @param maxBytes the most bytes decoded (a character cut at the end is left out)
   * @return the text, or {@code "(N bytes, not UTF-8 text)"}
   */
  static String text(byte[] bytes, int maxBytes) {
    int n = Math.min(bytes.length, maxBytes);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(n);
    boolean whole = n == bytes.length;
    CoderResult r = decoder.decode(ByteBuffer.wrap(bytes, 0, n), out, whole);
    if (!r.isError() && whole) {
      r = decoder.flush(out);
    }
    out.flip();
    for (int i = 0; !r.isError() && i < out.length(); i++) {
      if (out.charAt(i) == 0) {
        r = CoderResult.malformedForLength(1);
      }
    }
    return r.isError() ? "(" + bytes.length + " bytes, not UTF-8 text)" : out.toString();
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
