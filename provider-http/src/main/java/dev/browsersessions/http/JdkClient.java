package dev.browsersessions.http;

import dev.browsersessions.ProviderUnavailableException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Feign's transport over {@code java.net.http}: one deadline, {@code request-timeout}, bounds each
 * attempt from sending the request to the last byte of the answer; the body is read (bounded, see
 * {@link BoundedBody}) before the answer is handed to Feign. Every request carries the user agent
 * {@code browser-sessions/<version>}, and {@code Accept: application/json} unless it names
 * another. Every transport failure becomes a
 * {@link ProviderUnavailableException}: a refused connection (cause {@link ConnectException},
 * which proves that no session was started), a connect timeout, a reset or an end of stream
 * before or after the headers, and the deadline.
 */
final class JdkClient implements Client {

  /**
   * Headers {@code java.net.http} sets itself and refuses from callers; {@code User-Agent} is
   * always this library's.
   */
  private static final List<String> RESTRICTED =
      List.of("connection", "content-length", "expect", "host", "upgrade", "user-agent");

  /** Cuts the answers whose deadline passed: one daemon thread for all clients, on first use. */
  private static final Lazy<ScheduledExecutorService> DEADLINES = new Lazy<>(() -> {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, task -> {
      Thread t = new Thread(task, "browser-sessions-http-deadlines");
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    return e;
  });

  private final String provider;
  private final String vendor;
  private final HttpSettings settings;
  private final Supplier<HttpClient> http;

  JdkClient(String provider, String vendor, HttpSettings settings) {
    this.provider = provider;
    this.vendor = vendor;
    this.settings = settings;
    this.http = new Lazy<>(() -> HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
  }

  /** Sends one attempt; Feign's {@code options} are not used: the timeouts are the settings'. */
  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest jdk = toJdk(request);
    BoundedBody body = new BoundedBody();
    // The caller's thread sends and waits (no hop to another thread per call). The request's
    // own timeout covers the wait for the headers; the deadline task cuts a body still unread.
    ScheduledFuture<?> deadline = DEADLINES.get()
        .schedule(body, settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    HttpResponse<byte[]> r;
    try {
      r = http.get().send(jdk, body);
    } catch (InterruptedException e) {
      body.abort();
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException("Interrupted while waiting for " + vendor
          + " to answer " + what(request), provider, 0, e).markOutcomeUnknown();
    } catch (IOException e) {
      throw failed(request, e, body);
    } finally {
      deadline.cancel(false);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Collection<String>> headers = (Map) r.headers().map();
    return Response.builder()
        .status(r.statusCode())
        .headers(headers)
        .request(request)
        .body(new BytesBody(r.body())) // a 2xx over the limit: BoundedDecoder refuses it
        .build();
  }

  private RuntimeException failed(Request request, IOException c, BoundedBody body) {
    String message;
    if (body.aborted()
        || (c instanceof HttpTimeoutException && !(c instanceof HttpConnectTimeoutException))) {
      message = vendor + " did not answer " + what(request) + " within "
          + HttpSettings.REQUEST_TIMEOUT + " (" + human(settings.requestTimeout()) + ")"
          + (body.headersReceived() ? ": the body stalled after the headers" : "")
          + "; raise " + HttpSettings.REQUEST_TIMEOUT + " if the vendor is this slow";
    } else if (body.headersReceived()) {
      message = vendor + " broke off its answer to " + what(request) + " after the headers ("
          + c + ")";
    } else if (c instanceof HttpConnectTimeoutException) {
      message = vendor + " could not be reached for " + what(request) + " within "
          + HttpSettings.CONNECT_TIMEOUT + " (" + human(settings.connectTimeout()) + ")";
    } else if (c instanceof ConnectException) {
      message = vendor + " could not be reached for " + what(request) + " (" + c + ")";
    } else {
      message = vendor + " failed to answer " + what(request) + " (" + c + ")";
    }
    ProviderUnavailableException e = new ProviderUnavailableException(message, provider, 0, c);
    boolean neverSent = c instanceof ConnectException || c instanceof HttpConnectTimeoutException;
    return neverSent ? e : e.markOutcomeUnknown(); // sent: the vendor may have acted on it
  }

  private HttpRequest toJdk(Request request) {
    byte[] content = request.body();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(settings.requestTimeout())
        .method(request.httpMethod().name(), content == null || content.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(content));
    boolean accept = false;
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      String name = h.getKey();
      if (restricted(name)) {
        continue;
      }
      accept |= name.equalsIgnoreCase("Accept");
      for (String value : h.getValue()) {
        b.header(name, value);
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

  private static String what(Request request) {
    return request.httpMethod().name() + " " + VendorHttp.path(request.url());
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
