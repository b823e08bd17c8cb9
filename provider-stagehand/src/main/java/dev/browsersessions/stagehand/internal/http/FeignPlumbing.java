package dev.browsersessions.stagehand.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.QuotaExceededException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.stagehand.internal.ErrorBody;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.codec.DecodeException;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Interim HTTP plumbing until the shared module is available: Feign clients with Jackson, an
 * error decoder from HTTP status and body to the library's exceptions, and bounded retries.
 */
public final class FeignPlumbing {

  /** Config key: retries after the first attempt. */
  public static final String MAX_RETRIES = "max-retries";
  /** Config key: the first backoff. */
  public static final String RETRY_INITIAL_BACKOFF = "retry-initial-backoff";
  /** Config key: the largest backoff, also the cap on a server's Retry-After. */
  public static final String RETRY_MAX_BACKOFF = "retry-max-backoff";
  /** Config key: the connect timeout. */
  public static final String CONNECT_TIMEOUT = "connect-timeout";
  /** Config key: the per-request timeout. */
  public static final String REQUEST_TIMEOUT = "request-timeout";

  private final String provider;
  private final String vendor;
  private final ObjectMapper mapper;
  private final Request.Options options;
  private final feign.Client httpClient;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  /**
   * Reads the HTTP settings.
   *
   * @param config the provider's configuration
   * @param provider the provider's name
   * @param vendor the API's name in messages, e.g. {@code Browserbase}
   * @param mapper the JSON mapper
   */
  public FeignPlumbing(ProviderConfig config, String provider, String vendor, ObjectMapper mapper) {
    this.provider = provider;
    this.vendor = vendor;
    this.mapper = mapper;
    this.maxRetries = config.getInt(MAX_RETRIES, 2, 0, 10);
    this.initialBackoff = config.getDuration(RETRY_INITIAL_BACKOFF, Duration.ofMillis(500));
    this.maxBackoff = config.getDuration(RETRY_MAX_BACKOFF, Duration.ofSeconds(8));
    Duration connect = config.getDuration(CONNECT_TIMEOUT, Duration.ofSeconds(10));
    Duration request = config.getDuration(REQUEST_TIMEOUT, Duration.ofSeconds(60));
    this.options = new Request.Options(connect, request, true);
    this.httpClient = new feign.http2client.Http2Client(java.net.http.HttpClient.newBuilder()
        .connectTimeout(connect)
        .version(java.net.http.HttpClient.Version.HTTP_1_1)
        .build());
  }

  /**
   * Builds a Feign client.
   *
   * @param api the interface
   * @param baseUrl the base URL ({@code URI} arguments override it per call)
   * @param auth adds the credentials
   * @param <T> the interface
   * @return the client
   */
  public <T> T client(Class<T> api, String baseUrl, RequestInterceptor auth) {
    return Feign.builder()
        .client(httpClient)
        .encoder(new JacksonEncoder(mapper))
        .decoder(new EventStreamDecoder(new JacksonDecoder(mapper), mapper, provider))
        .errorDecoder(this::error)
        .retryer(Retryer.NEVER_RETRY)
        .options(options)
        .requestInterceptor(auth)
        .target(api, baseUrl);
  }

  /**
   * The retry policies.
   *
   * @return the calls
   */
  public Calls calls() {
    return new Calls() {
      @Override
      public <T> T idempotent(Supplier<T> call) {
        return run(call, false);
      }

      @Override
      public <T> T create(Supplier<T> call) {
        return run(call, true);
      }
    };
  }

  private <T> T run(Supplier<T> call, boolean create) {
    for (int attempt = 0; ; attempt++) {
      BrowserSessionException failure;
      try {
        return call.get();
      } catch (BrowserSessionException e) {
        failure = e;
      } catch (RetryableException e) {
        failure = connectionFailure(e);
      } catch (FeignException e) {
        if (e instanceof DecodeException || (e.status() >= 200 && e.status() < 300)) {
          throw new ProviderProtocolException(
              vendor + " answered a body that could not be read: " + e.getMessage(), provider,
              e.status(), e.contentUTF8(), e);
        }
        failure = new ProviderUnavailableException(
            vendor + " call failed: " + e.getMessage(), provider, Math.max(0, e.status()), e);
      }
      if (attempt >= maxRetries || !failure.isRetryable() || (create && !noSessionStarted(failure))) {
        throw failure;
      }
      pause(attempt, failure);
    }
  }

  /** A create may be repeated only when the failure proves no session was started. */
  private static boolean noSessionStarted(BrowserSessionException e) {
    int status = e.httpStatus().orElse(0);
    return status == 429 || status == 503
        || (status == 0 && e.getCause() instanceof RetryableException r
            && r.getCause() instanceof ConnectException);
  }

  private void pause(int attempt, BrowserSessionException failure) {
    long base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt, 20));
    long wait = base - (long) (base * 0.25 * ThreadLocalRandom.current().nextDouble());
    if (failure instanceof RateLimitedException r && r.retryAfter().isPresent()) {
      wait = Math.min(maxBackoff.toMillis(), r.retryAfter().get().toMillis());
    }
    try {
      Thread.sleep(Math.max(0, wait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private BrowserSessionException connectionFailure(RetryableException e) {
    return new ProviderUnavailableException(
        vendor + " could not be reached (" + e.getMessage() + ")", provider, 0, e);
  }

  private Exception error(String methodKey, Response response) {
    int status = response.status();
    String body = body(response);
    ErrorBody parsed = ErrorBody.parse(mapper, body).orElse(null);
    String said = parsed != null ? parsed.message()
        : body == null || body.isBlank() ? "(no body)" : excerpt(body);
    String message = vendor + " answered HTTP " + status + " to " + response.request().httpMethod()
        + " " + path(response.request().url()) + ": " + said;
    List<String> fields = parsed == null ? List.of() : parsed.fieldErrors();
    if (status == 400 || status == 422) {
      return new InvalidSessionRequestException(null, message, provider, status, fields);
    }
    if (status == 401 || status == 403) {
      return new AuthenticationException(message, provider, status);
    }
    if (status == 402) {
      return new QuotaExceededException(message, provider, status);
    }
    if (status == 408 || status == 429) {
      if (said.toLowerCase(Locale.ROOT).contains("concurrent")) {
        message += " (Browserbase's max concurrent sessions limit is reached: stop sessions"
            + " or raise the plan's limit)";
      }
      return new RateLimitedException(message, provider, status, retryAfter(response));
    }
    if (status >= 500) {
      return new ProviderUnavailableException(message, provider, status, null);
    }
    return new BrowserSessionException(message, provider, status, false, null);
  }

  private static String path(String url) {
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return slash < 0 ? url : url.substring(slash);
  }

  private static String excerpt(String body) {
    String flat = body.strip();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
  }

  private static String body(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static Duration retryAfter(Response response) {
    for (var h : response.headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("retry-after")) {
        continue;
      }
      Collection<String> values = h.getValue();
      for (String v : values) {
        try {
          return Duration.ofMillis((long) (Double.parseDouble(v.trim()) * 1000));
        } catch (NumberFormatException notSeconds) {
          try {
            ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
          } catch (java.time.format.DateTimeParseException ignored) {
            return null;
          }
        }
      }
    }
    return null;
  }
}
