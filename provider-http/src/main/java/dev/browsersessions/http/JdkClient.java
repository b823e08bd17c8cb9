package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderUnavailableException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transport over {@code java.net.http}, for Feign (as its {@link Client}) and for the direct
 * path that bypasses Feign ({@link #send}, see {@link DirectTarget}): one deadline, {@code
 * request-timeout}, bounds each attempt from sending the request to the last byte of the answer;
 * the body is read whole (bounded, see {@link BoundedBody}) before the answer is handed on to a
 * decoder, Feign's or the direct path's. Every request carries the user agent
 * {@code browser-sessions/<version>}, and {@code Accept: application/json} unless it names
 * another. Every transport failure becomes a
 * {@link ProviderUnavailableException}: a refused connection (cause {@link ConnectException},
 * which proves that no session was started), a connect timeout, a reset or an end of stream
 * before or after the headers, and the deadline.
 *
 * <p>Each attempt is also cut at its operation's deadline ({@code operation-timeout}, see {@link
 * OperationDeadline}); once that has passed nothing is sent. Every answer's body and header values
 * pass through the provider's {@link Redactor} here, before any decoder, error mapper or message
 * sees them, and so does every message built from a transport failure. The {@code HttpClient} is
 * the one {@link SharedHttpClients} keeps for these settings, taken on the first call and given
 * back by {@link #close()}; {@link #prepare()} builds it beforehand without keeping it.
 *
 * <p>An interrupt of the caller's thread while it waits ends the attempt with a {@link
 * ProviderUnavailableException} ("Interrupted while waiting ...", outcome unknown) and the
 * thread's interrupt flag set again, whether it came while waiting for the headers or, on Java
 * 21+, while reading the body (the JDK's body stream reports it as an {@code IOException} caused
 * by the {@code InterruptedException}). On Java 17 the JDK's body stream swallows an interrupt
 * that comes while a body of up to {@link BoundedBody#TRUSTED_LENGTH} bytes is read (it clears
 * the flag and waits again): the read then goes on until the body arrives or {@code
 * request-timeout} (or the operation's deadline) cuts it, and the interrupt is lost.
 */
final class JdkClient implements Client {

  /**
   * Headers {@code java.net.http} sets itself and refuses from callers; {@code User-Agent} is
   * always this library's.
   */
  private static final List<String> RESTRICTED =
      List.of("connection", "content-length", "expect", "host", "upgrade", "user-agent");

  private final String provider;
  private final String vendor;
  private final HttpSettings settings;
  private final Redactor redactor;
  /** Written under this object's lock; read without it on every call. */
  private volatile SharedHttpClients.Lease lease;
  private boolean closed; // guarded by this

  JdkClient(String provider, String vendor, HttpSettings settings, Redactor redactor) {
    this.provider = provider;
    this.vendor = vendor;
    this.settings = settings;
    this.redactor = redactor;
  }

  /**
   * Gives the shared {@code HttpClient} back: the last provider using it shuts it down (Java
   * 21+). A call after this takes the client for its own duration only. Idempotent.
   */
  void close() {
    SharedHttpClients.Lease l;
    synchronized (this) {
      closed = true;
      l = lease;
      lease = null;
    }
    if (l != null) {
      l.release();
    }
  }

  /**
   * Builds the shared {@code HttpClient} for these settings now, if none is kept, so that the first
   * call does not (called on the warm-up thread that building a provider starts, see {@link
   * VendorHttp#warmUp(List)}; building the client starts the JDK's selector thread; nothing is
   * sent); takes no lease beyond this method (a provider built and never used holds no
   * client), and nothing once closed. On Java 17 the client built is kept for the JVM's life, as
   * every released one is; on Java 21+ it is shut down again unless a provider uses it meanwhile,
   * and what stays done is loading and initialising the JDK's HTTP and TLS classes.
   */
  void prepare() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    SharedHttpClients.acquire(settings).release();
  }

  /**
   * This client's lease of the shared {@code HttpClient}, taken on the first call.
   *
   * @return the lease, or {@code null} once closed
   */
  private synchronized SharedHttpClients.Lease shared() {
    if (!closed && lease == null) {
      lease = SharedHttpClients.acquire(settings);
    }
    return closed ? null : lease;
  }

  /** Sends one attempt; Feign's {@code options} are not used: the timeouts are the settings'. */
  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    List<String> headers = new ArrayList<>();
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      for (String value : h.getValue()) {
        headers.add(h.getKey());
        headers.add(value);
      }
    }
    return toFeign(send(request.httpMethod().name(), request.url(), headers, request.body()),
        request);
  }

  /**
   * Sends one attempt and reads its answer, bounded by {@code request-timeout} and the
   * operation's deadline.
   *
   * @param method the HTTP method
   * @param url the whole URL
   * @param headers names and values, alternating; restricted ones ({@code Host}, {@code
   *     Content-Length}, ...) are skipped, the user agent is always this library's and {@code
   *     Accept: application/json} is added unless one is named
   * @param content the body, or {@code null}
   * @return the answer, its body redacted
   */
  Answer send(String method, String url, List<String> headers, byte[] content) {
    OperationDeadline operation = OperationDeadline.current();
    Duration timeout = settings.requestTimeout();
    boolean cutByOperation = false;
    if (operation != null) {
      long left = operation.deadlineNanos() - System.nanoTime();
      if (left <= 0) {
        throw new ProviderUnavailableException(vendor + " was not asked " + what(method, url)
            + ": the operation's deadline, " + HttpSettings.OPERATION_TIMEOUT + " ("
            + human(operation.budget()) + "), has passed; raise "
            + HttpSettings.OPERATION_TIMEOUT + " if the vendor is this slow", provider, 0, null);
      }
      if (left < timeout.toNanos()) {
        timeout = Duration.ofNanos(left);
        cutByOperation = true;
      }
    }
    HttpRequest jdk = toJdk(method, url, headers, content, timeout);
    BoundedBody body = new BoundedBody(System.nanoTime() + timeout.toNanos());
    SharedHttpClients.Lease own = null;
    SharedHttpClients.Lease current = lease; // the common case: no lock per call
    if (current == null) {
      current = shared();
    }
    if (current == null) {
      own = SharedHttpClients.acquire(settings); // a call after close: for this call only
    }
    HttpClient client = (current != null ? current : own).client();
    // The caller's thread sends and waits (no hop to another thread per call). The request's
    // own timeout covers the wait for the headers; BodyDeadlines cuts a body still unread.
    HttpResponse<Object> r;
    byte[] bytes;
    try {
      BodyDeadlines.watch(body);
      r = client.send(jdk, body);
      bytes = body.read(r.body());
    } catch (InterruptedException e) {
      throw interrupted(method, url, body, e);
    } catch (IOException e) {
      // Java 21+: the JDK's body stream reports an interrupt as an IOException caused by it
      if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        throw interrupted(method, url, body, e);
      }
      throw failed(method, url, e, body, cutByOperation ? operation : null, timeout);
    } finally {
      BodyDeadlines.unwatch(body);
      if (own != null) {
        own.release();
      }
    }
    // redacted before any decoder sees it; a 2xx over the limit is refused unread (BoundedDecoder)
    return new Answer(r.statusCode(), r.headers(),
        bytes.length > VendorHttp.MAX_SUCCESS_BODY ? bytes : redactor.apply(bytes));
  }

  /**
   * An answer as Feign's: every header value redacted.
   *
   * @param answer the answer
   * @param request the request it answers
   * @return the answer for Feign's decoders and error decoder
   */
  Response toFeign(Answer answer, Request request) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    answer.headers().map().forEach((name, values) -> {
      List<String> clean = new ArrayList<>(values.size());
      values.forEach(v -> clean.add(redactor.apply(v)));
      headers.put(name, clean);
    });
    return Response.builder()
        .status(answer.status())
        .headers(headers)
        .request(request)
        .body(new BytesBody(answer.body()))
        .build();
  }

  /**
   * An answer's {@code Content-Type} (redacted), the one header the decoders read on a 2xx.
   *
   * @param answer the answer
   * @return the header, or no header
   */
  Map<String, Collection<String>> contentType(Answer answer) {
    return answer.headers().firstValue("content-type")
        .<Map<String, Collection<String>>>map(v -> Map.of("content-type",
            List.of(redactor.apply(v))))
        .orElse(Map.of());
  }

  /**
   * One answer, read.
   *
   * @param status the status code
   * @param headers the headers as received (not redacted: see {@link #toFeign})
   * @param body the body, redacted unless over {@link VendorHttp#MAX_SUCCESS_BODY}
   */
  record Answer(int status, HttpHeaders headers, byte[] body) {

    /**
     * Whether the status is 2xx.
     *
     * @return {@code true} for a 2xx answer
     */
    boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * The caller's thread was interrupted while it waited for an answer: the answer is given up
   * and the interrupt flag is set again.
   */
  private RuntimeException interrupted(String method, String url, BoundedBody body,
      Exception cause) {
    body.abort();
    Thread.currentThread().interrupt();
    return new ProviderUnavailableException("Interrupted while waiting for " + vendor
        + " to answer " + what(method, url), provider, 0, cause).markOutcomeUnknown();
  }

  private RuntimeException failed(String method, String url, IOException c, BoundedBody body,
      OperationDeadline cutBy, Duration timeout) {
    String what = what(method, url);
    String message;
    String cause = redactor.apply(String.valueOf(c));
    if (body.aborted()
        || (c instanceof HttpTimeoutException && !(c instanceof HttpConnectTimeoutException))) {
      String key = cutBy != null ? HttpSettings.OPERATION_TIMEOUT : HttpSettings.REQUEST_TIMEOUT;
      Duration value = cutBy != null ? cutBy.budget() : timeout;
      message = vendor + " did not answer " + what + " within " + key + " ("
          + human(value) + ")" + (body.headersReceived() ? ": the body stalled after the headers"
          : "") + "; raise " + key + " if the vendor is this slow";
    } else if (body.headersReceived()) {
      message = vendor + " broke off its answer to " + what + " after the headers ("
          + cause + ")";
    } else if (c instanceof HttpConnectTimeoutException) {
      message = vendor + " could not be reached for " + what + " within "
          + HttpSettings.CONNECT_TIMEOUT + " (" + human(settings.connectTimeout()) + ")";
    } else if (c instanceof ConnectException) {
      message = vendor + " could not be reached for " + what + " (" + cause + ")";
    } else {
      message = vendor + " failed to answer " + what + " (" + cause + ")";
    }
    // the JDK's exception is kept as the cause only when its text holds no secret
    Throwable kept = cause.equals(String.valueOf(c)) ? c : new IOException(cause);
    if (c instanceof ConnectException && kept != c) {
      kept = new ConnectException(cause);
    }
    ProviderUnavailableException e = new ProviderUnavailableException(message, provider, 0, kept);
    boolean neverSent = c instanceof ConnectException || c instanceof HttpConnectTimeoutException;
    return neverSent ? e : e.markOutcomeUnknown(); // sent: the vendor may have acted on it
  }

  private HttpRequest toJdk(String method, String url, List<String> headers, byte[] content,
      Duration timeout) {
    try {
      return jdkRequest(method, url, headers, content, timeout);
    } catch (IllegalArgumentException e) {
      // e.g. "invalid header value" quoting the value: an API key with a line break
      throw BrowserSessionException.builder("Could not build the request " + what(method, url)
          + " to " + vendor + ": " + redactor.apply(e.getMessage()) + "; check the provider's"
          + " configuration (an API key must be one line of printable characters)")
          .provider(provider).build();
    }
  }

  private static HttpRequest jdkRequest(String method, String url, List<String> headers,
      byte[] content, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .method(method, content == null || content.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(content));
    boolean accept = false;
    for (int i = 0; i < headers.size(); i += 2) {
      String name = headers.get(i);
      if (restricted(name)) {
        continue;
      }
      accept |= name.equalsIgnoreCase("Accept");
      try {
        b.header(name, headers.get(i + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("header " + name + ": " + e.getMessage());
      }
    }
    b.header("User-Agent", VendorHttp.userAgent());
    if (!accept) {
      b.header("Accept", "application/json");
    }
    return b.build();
  }

  private static boolean restricted(String header) {
    for (String r : RESTRICTED) {
      if (r.equalsIgnoreCase(header)) {
        return true;
      }
    }
    return false;
  }

  private static String what(String method, String url) {
    return method + " " + VendorHttp.path(url);
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
