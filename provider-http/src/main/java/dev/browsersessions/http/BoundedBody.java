package dev.browsersessions.http;

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
 * any other; the rest is not read and the connection is closed. {@link #abort()} gives up on the
 * answer (the deadline passed): the body subscription is cancelled, which closes the connection,
 * and the body fails, so the caller's thread is released and no connection stays held by a
 * stalled server.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {

  private final long deadlineNanos;
  private Flow.Subscription subscription;
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

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    headersReceived = true;
    int status = info.statusCode();
    int limit = status >= 200 && status < 300
        ? VendorHttp.MAX_SUCCESS_BODY + 1 : VendorHttp.MAX_ERROR_BODY;
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    int initial = declared >= 0 && declared <= limit ? (int) declared : Math.min(limit, 1024);
    return new Collector(limit, initial);
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
    synchronized (this) {
      aborted = true;
      s = subscription;
      r = current;
    }
    if (s != null) {
      s.cancel();
      r.completeExceptionally(new HttpTimeoutException("deadline passed while reading the body"));
    }
  }

  private final class Collector implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final int limit;
    private byte[] buffer;
    private int size;
    private Flow.Subscription own;

    Collector(int limit, int initial) {
      this.limit = limit;
      this.buffer = new byte[initial];
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
