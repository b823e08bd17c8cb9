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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Feign's transport over {@code java.net.http}: one deadline, {@code request-timeout}, bounds each
 * attempt from sending the request to the last byte of the answer; the body is read (bounded, see
 * {@link BoundedBody}) before the answer is handed to Feign. Every transport failure becomes a
 * {@link ProviderUnavailableException}: a refused connection (cause {@link ConnectException},
 * which proves that no session was started), a connect timeout, a reset or an end of stream
 * before or after the headers, and the deadline.
 */
final class JdkClient implements Client {

  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final String provider;
  private final String vendor;
  private final HttpSettings settings;
  private final Supplier<HttpClient> http;
  private final long timeoutNanos;

  JdkClient(String provider, String vendor, HttpSettings settings) {
    this.provider = provider;
    this.vendor = vendor;
    this.settings = settings;
    this.timeoutNanos = settings.requestTimeout().toNanos();
    this.http = new Lazy<>(() -> HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest jdk = toJdk(request);
    BoundedBody body = new BoundedBody();
    CompletableFuture<HttpResponse<byte[]>> answer = http.get().sendAsync(jdk, body);
    HttpResponse<byte[]> r;
    try {
      r = answer.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      giveUp(answer, body);
      throw new ProviderUnavailableException(
          vendor + " did not answer " + what(request) + " within " + HttpSettings.REQUEST_TIMEOUT
              + " (" + human(settings.requestTimeout()) + ")"
              + (body.headersReceived() ? ": the body stalled after the headers" : "")
              + "; raise " + HttpSettings.REQUEST_TIMEOUT + " if the vendor is this slow",
          provider, 0, null);
    } catch (InterruptedException e) {
      giveUp(answer, body);
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException(
          "Interrupted while waiting for " + vendor + " to answer " + what(request), provider, 0, e);
    } catch (ExecutionException e) {
      throw failed(request, e.getCause(), body);
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

  private static void giveUp(CompletableFuture<?> answer, BoundedBody body) {
    body.abort();
    answer.cancel(true);
  }

  private RuntimeException failed(Request request, Throwable cause, BoundedBody body) {
    Throwable c = cause;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof BrowserSessionException b) {
      return b;
    }
    String message;
    if (body.headersReceived()) {
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
    return new ProviderUnavailableException(message, provider, 0, c);
  }

  private static HttpRequest toJdk(Request request) {
    byte[] content = request.body();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url()))
        .method(request.httpMethod().name(), content == null || content.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(content));
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      if (RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : h.getValue()) {
        b.header(h.getKey(), value);
      }
    }
    return b.build();
  }

  private static String what(Request request) {
    return request.httpMethod().name() + " " + VendorHttp.path(request.url());
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
