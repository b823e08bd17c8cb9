package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionNotFoundException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs vendor calls with the retry rules, translating Feign's exceptions into this library's.
 *
 * <ul>
 *   <li>{@link #read} ({@code status}, {@code list}, {@code stop}): transient failures
 *       (rate limits, 5xx, 529, connection errors, timeouts) are retried up to {@code
 *       max-retries} times with exponential backoff and 25% jitter, waiting what {@code
 *       Retry-After} asks, capped at {@code retry-max-backoff}.
 *   <li>{@link #create}: retried only when no session can have been started: the connection was
 *       refused, or the vendor answered 429 or 503. A timeout or a reset after the request was
 *       sent is not retried: the session may exist, and a second one would be billed twice.
 * </ul>
 */
public final class VendorCalls {

  private final String provider;
  private final String vendor;
  private final Lazy<FailsafeExecutor<Object>> read;
  private final Lazy<FailsafeExecutor<Object>> create;
  private final UnaryOperator<String> redactor;

  /**
   * Creates the calls.
   *
   * @param provider the provider's name
   * @param vendor the vendor's name in messages
   * @param settings the retry settings
   * @param redactor removes secrets from vendor text before it reaches an exception
   */
  public VendorCalls(
      String provider, String vendor, HttpSettings settings, UnaryOperator<String> redactor) {
    this.redactor = redactor;
    this.provider = provider;
    this.vendor = vendor;
    // built on first use: loading Failsafe is part of a cold start that a provider build avoids
    this.read = new Lazy<>(() -> Failsafe.with(policy(settings, false)));
    this.create = new Lazy<>(() -> Failsafe.with(policy(settings, true)));
  }

  /**
   * Runs an idempotent call ({@code status}, {@code list}, {@code stop}), retrying transient
   * failures.
   *
   * @param call the call
   * @param <T> its result
   * @return its result
   */
  public <T> T read(Supplier<T> call) {
    return read.get().get(() -> translate(call));
  }

  /**
   * Runs an idempotent call on one session; a 404 becomes {@link SessionNotFoundException}.
   *
   * @param sessionId the session
   * @param call the call
   * @param <T> its result
   * @return its result
   */
  public <T> T session(String sessionId, Supplier<T> call) {
    try {
      return read(call);
    } catch (SessionNotFoundException e) {
      throw e;
    } catch (BrowserSessionException e) {
      if (e.httpStatus().orElse(0) == 404) {
        throw new SessionNotFoundException(sessionId, provider, 404, e);
      }
      throw e;
    }
  }

  /**
   * Runs a call that starts a session, retrying only when none can have been started.
   *
   * @param call the call
   * @param <T> its result
   * @return its result
   */
  public <T> T create(Supplier<T> call) {
    return create.get().get(() -> translate(call));
  }

  /**
   * Whether a failure proves that no session was started.
   *
   * @param e the failure
   * @return {@code true} for 429, 503 and refused connections
   */
  public static boolean noSessionStarted(BrowserSessionException e) {
    int status = e.httpStatus().orElse(0);
    return status == 429 || status == 503
        || (status == 0 && e instanceof ProviderUnavailableException
            && causedBy(e, ConnectException.class));
  }

  /**
   * Whether a failed create may have started a session anyway, so that the provider should look
   * for it (reconcile) instead of assuming nothing runs: a failure {@linkplain
   * BrowserSessionException#isOutcomeUnknown() marked outcome-unknown} (a 5xx but 503, a 408, a
   * failure of no known kind), no answer at all (a timeout, a reset, an unreadable or missing
   * answer), or a 2xx the provider could not use. Not when {@link #noSessionStarted} proves
   * otherwise, nor for other refusals (4xx).
   *
   * @param e the create's failure
   * @return {@code true} when a session may exist
   */
  public static boolean mayHaveStartedSession(BrowserSessionException e) {
    if (noSessionStarted(e)) {
      return false;
    }
    if (e.isOutcomeUnknown()) {
      return true;
    }
    int status = e.httpStatus().orElse(0);
    return status < 300
        && (e instanceof ProviderUnavailableException || e instanceof ProviderProtocolException);
  }

  private <T> T translate(Supplier<T> call) {
    try {
      return call.get();
    } catch (BrowserSessionException e) {
      throw e;
    } catch (RetryableException e) {
      throw new ProviderUnavailableException(
          vendor + " could not be reached: " + e.getMessage(), provider, 0, e);
    } catch (DecodeException e) {
      if (e.getCause() instanceof BrowserSessionException b) {
        throw b; // a provider's own decoder already classified the answer
      }
      throw ProviderProtocolException.unusable(
          vendor + " answered a body that could not be read: " + redactor.apply(e.getMessage()),
          provider, Math.max(0, e.status()), redactor.apply(e.contentUTF8()));
    } catch (FeignException e) {
      if (e.getCause() instanceof BrowserSessionException b) {
        throw b;
      }
      if (e.status() >= 200 && e.status() < 300) {
        throw ProviderProtocolException.unusable(
            vendor + " answered a body that could not be read: " + redactor.apply(e.getMessage()),
            provider, e.status(), redactor.apply(e.contentUTF8()));
      }
      throw ProviderUnavailableException.answered(
          vendor + " call failed: " + redactor.apply(e.getMessage()), provider,
          Math.max(0, e.status()));
    }
  }

  private static RetryPolicy<Object> policy(HttpSettings s, boolean create) {
    return RetryPolicy.builder()
        .handleIf(
            (Throwable t) ->
                t instanceof BrowserSessionException b
                    && b.isRetryable()
                    && (!create || noSessionStarted(b)))
        .withMaxRetries(s.maxRetries())
        .withBackoff(s.initialBackoff(), s.maxBackoff())
        .withJitter(0.25)
        .withDelayFn(ctx -> delayFor(ctx.getLastException(), s))
        .build();
  }

  /**
   * The wait a failure asks for: its {@code Retry-After}, capped at {@code retry-max-backoff};
   * negative (use the exponential backoff) when it asks for nothing.
   */
  static Duration delayFor(Throwable failure, HttpSettings s) {
    if (failure instanceof RateLimitedException r && r.retryAfter().isPresent()) {
      Duration asked = r.retryAfter().get();
      return asked.compareTo(s.maxBackoff()) > 0 ? s.maxBackoff() : asked;
    }
    return Duration.ofMillis(-1);
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    Throwable c = t;
    for (int i = 0; i < 10 && c != null; i++, c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
