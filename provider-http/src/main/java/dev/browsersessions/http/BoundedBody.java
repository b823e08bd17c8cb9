package dev.browsersessions.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads one answer's body into memory, at most {@link VendorHttp#MAX_SUCCESS_BODY} + 1 bytes of a
 * 2xx answer (so that a larger one can be refused) and {@link VendorHttp#MAX_ERROR_BODY} bytes of
 * any other; the rest is not read and the connection is closed. An answer that declares a length
 * within the limit and of at most {@link #TRUSTED_LENGTH} (64 KiB) bytes is read from the JDK's
 * own input-stream subscriber on the caller's thread (the JDK delivers a body to its own
 * subscribers without a hop to its executor; issue 17), to its end, which hands the connection
 * back to the pool; any other (longer, or of no declared length) is collected here. {@link #abort()} gives
 * up on the answer (the deadline passed): the subscription is cancelled or the stream closed, which
 * closes the connection, and the read fails, so the caller's thread is released and no connection
 * stays held by a stalled server.
 */
final class BoundedBody implements HttpResponse.BodyHandler<Object> {

  /** The most bytes set aside on a server's declared length alone, before they arrive. */
  static final int TRUSTED_LENGTH = 64 * 1024;

  private final long deadlineNanos;
  private Flow.Subscription subscription;
  private InputStream stream;
  /** The length the answer declared, when it is read from the JDK's stream. */
  private int length;
  private CompletableFuture<byte[]> current;
  private volatile boolean aborted;
  private volatile boolean headersReceived;

  /**
   * A body to read before a deadline.
   *
   * @param deadlineNanos when the answer must be in, on {@link System#nanoTime()}
   */
  BoundedBody(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * When the answer must be in; {@link BodyDeadlines} aborts it after that.
   *
   * @return the deadline, on {@link System#nanoTime()}
   */
  long deadlineNanos() {
    return deadlineNanos;
  }

  /**
   * The body's subscriber. An answer that declares a length up to {@link #TRUSTED_LENGTH} (the
   * common case) is read by the JDK's own input-stream subscriber, which the JDK hands the body to
   * without a hop to its executor; {@link #read} then reads it on the caller's thread. Any other
   * answer is collected here, bounded, in a buffer that starts at no more than {@link
   * #TRUSTED_LENGTH} and grows as bytes arrive. The body is a {@code byte[]} or an {@link
   * InputStream}.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public HttpResponse.BodySubscriber<Object> apply(HttpResponse.ResponseInfo info) {
    headersReceived = true;
    int status = info.statusCode();
    int limit = status >= 200 && status < 300
        ? VendorHttp.MAX_SUCCESS_BODY + 1 : VendorHttp.MAX_ERROR_BODY;
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    // A declared length is the server's word: memory is set aside for at most TRUSTED_LENGTH
    // bytes of it before they arrive; a longer body is collected as its bytes come.
    if (declared >= 0 && declared < limit && declared <= TRUSTED_LENGTH) {
      length = (int) declared;
      return (HttpResponse.BodySubscriber) HttpResponse.BodySubscribers.ofInputStream();
    }
    int initial = Math.min(limit, declared >= 0 ? (int) Math.min(declared, TRUSTED_LENGTH) : 1024);
    return (HttpResponse.BodySubscriber) new Collector(limit, initial);
  }

  /**
   * The body's bytes: as collected, or read from the JDK's stream (it declared a length within
   * the limit and of at most {@link #TRUSTED_LENGTH}); {@link #abort()} closes the stream, which
   * ends a read stalled on it. An interrupt during that read fails it with an {@code IOException}
   * caused by the {@code InterruptedException} on Java 21+; Java 17's stream swallows it and
   * waits on (see {@link JdkClient}).
   *
   * @param body what {@link #apply}'s subscriber gave
   * @return the bytes
   * @throws IOException if the stream fails, is closed by {@link #abort()}, or ends early
   */
  byte[] read(Object body) throws IOException {
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    InputStream in = (InputStream) body;
    synchronized (this) {
      if (aborted) {
        in.close();
        throw new HttpTimeoutException("deadline passed before the body");
      }
      stream = in;
    }
    try (in) {
      byte[] bytes = new byte[length]; // declared within the limit: read into place, no copy
      int n = in.readNBytes(bytes, 0, length);
      if (aborted) {
        throw new HttpTimeoutException("deadline passed while reading the body");
      }
      if (n < length) {
        throw new EOFException("the body ended after " + n + " of its " + length + " bytes");
      }
      // reading the end hands the connection back to the pool (closing first would drop it)
      if (in.read() != -1) {
        throw new IOException("the body is longer than the " + length + " bytes it declared");
      }
      return bytes;
    } catch (IOException e) {
      if (aborted) {
        throw new HttpTimeoutException("deadline passed while reading the body");
      }
      throw e;
    }
  }

  /**
   * The length the answer declared, when {@link #read} reads it from the JDK's stream into an
   * array of that length (for tests).
   *
   * @return the declared length; 0 when the body is collected, or before the headers
   */
  int declaredLength() {
    return length;
  }

  /**
   * Whether the status line and headers arrived (a failure after them lost a started answer).
   *
   * @return {@code true} once the headers were read
   */
  boolean headersReceived() {
    return headersReceived;
  }

  /**
   * Whether {@link #abort()} was called (the deadline passed).
   *
   * @return {@code true} once aborted
   */
  boolean aborted() {
    return aborted;
  }

  /**
   * Gives up on the answer: cancels the body subscription and fails the body now, or as soon as
   * the headers arrive.
   */
  void abort() {
    Flow.Subscription s;
    CompletableFuture<byte[]> r;
    InputStream in;
    synchronized (this) {
      aborted = true;
      s = subscription;
      r = current;
      in = stream;
    }
    if (s != null) {
      s.cancel();
      r.completeExceptionally(new HttpTimeoutException("deadline passed while reading the body"));
    }
    if (in != null) {
      try {
        in.close(); // cancels the JDK's subscription and wakes a read blocked on it
      } catch (IOException e) {
        // closing a response stream does not fail; nothing more to do
      }
    }
  }

  /** Collects a body as its bytes arrive, bounded; package-private for tests. */
  final class Collector implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final int limit;
    private byte[] buffer;
    private int size;
    private Flow.Subscription own;

    Collector(int limit, int initial) {
      this.limit = limit;
      this.buffer = new byte[initial];
    }

    /**
     * The buffer's size now: before any byte arrived, the bytes set aside (for tests).
     *
     * @return the buffer's length
     */
    int capacity() {
      return buffer.length;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      boolean cancel;
      synchronized (BoundedBody.this) {
        subscription = s;
        current = result;
        cancel = aborted;
      }
      own = s;
      if (cancel) {
        s.cancel();
        result.completeExceptionally(new HttpTimeoutException("deadline passed before the body"));
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        int n = Math.min(b.remaining(), limit - size);
        if (size + n > buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size + n, 2L * buffer.length)));
        }
        b.get(buffer, size, n);
        size += n;
        if (b.hasRemaining()) {
          own.cancel(); // the rest is not wanted: close the connection rather than read it
          complete();
          return;
        }
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      complete();
    }

    private void complete() {
      result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
