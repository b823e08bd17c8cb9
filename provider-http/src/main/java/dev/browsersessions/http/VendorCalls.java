package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.observe.Retry;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.event.ExecutionScheduledEvent;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
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
 *
 * <p>Every call runs within its client operation's deadline ({@code operation-timeout}, see
 * {@link #within}): no retry waits past it, and each retry is logged at INFO with the attempt and
 * the time left, and reported to the {@link ProviderEvents} the provider was given, before its
 * wait.
 */
public final class VendorCalls {

  private static final System.Logger LOG = System.getLogger(VendorCalls.class.getName());

  private final String provider;
  private final String vendor;
  private final HttpSettings settings;
  private final Lazy<FailsafeExecutor<Object>> read;
  private final Lazy<FailsafeExecutor<Object>> create;
  private final UnaryOperator<String> redactor;
  private final Runnable release;
  private volatile ProviderEvents events = ProviderEvents.NONE;

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
    this(provider, vendor, settings, redactor, () -> { });
  }

  VendorCalls(String provider, String vendor, HttpSettings settings,
      UnaryOperator<String> redactor, Runnable release) {
    this.release = release;
    this.redactor = redactor;
    this.provider = provider;
    this.vendor = vendor;
    this.settings = settings;
    // built on first use: loading Failsafe is part of a cold start that a provider build avoids
    this.read = new Lazy<>(() -> Failsafe.with(policy(false)));
    this.create = new Lazy<>(() -> Failsafe.with(policy(true)));
  }

  /**
   * Gives back the shared HTTP client these calls use: call it from the provider's {@code
   * close()}. Idempotent; a call made afterwards still works (taking the client for its own
   * duration only).
   */
  public void close() {
    release.run();
  }

  /** Builds the retry policies now, so that the first call does not (see VendorHttp.warmUp). */
  void prepare() {
    read.get();
    create.get();
  }

  /**
   * Where retries are reported from now on: the sink a provider's {@code reportTo} was given.
   *
   * @param events the sink
   */
  public void reportTo(ProviderEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Runs one client operation within {@code operation-timeout}: every vendor call made inside it
   * on this thread (retries, a lost create's lookups and stop, a stop's confirmation reads) shares
   * that one deadline. Inside another operation, runs within the outer one's deadline.
   *
   * @param operation the client operation, for retry reports
   * @param body the work
   * @param <T> its result
   * @return its result
   */
  public <T> T within(Operation operation, Supplier<T> body) {
    return OperationDeadline.within(operation, settings.operationTimeout(), body);
  }

  /**
   * Runs one client operation that returns nothing within {@code operation-timeout}.
   *
   * @param operation the client operation, for retry reports
   * @param body the work
   */
  public void within(Operation operation, Runnable body) {
    OperationDeadline.within(operation, settings.operationTimeout(), () -> {
      body.run();
      return null;
    });
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
    return within(Operation.STATUS, () -> read.get().get(() -> translate(call)));
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
    return within(Operation.START, () -> create.get().get(() -> translate(call)));
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

  private RetryPolicy<Object> policy(boolean create) {
    return RetryPolicy.builder()
        .handleIf(
            (Throwable t) ->
                t instanceof BrowserSessionException b
                    && b.isRetryable()
                    && (!create || noSessionStarted(b))
                    && timeLeft())
        .withMaxRetries(settings.maxRetries())
        .withDelayFn(ctx -> delay(ctx.getLastException(), ctx.getAttemptCount()))
        .onRetryScheduled(this::retrying)
        .build();
  }

  /** Whether the current operation has time left for another attempt. */
  private static boolean timeLeft() {
    OperationDeadline d = OperationDeadline.current();
    return d == null || !d.expired();
  }

  /**
   * The wait before the next attempt: what the failure asks for ({@code Retry-After}, capped),
   * else the exponential backoff with 25 % jitter; never past the operation's deadline.
   */
  private Duration delay(Throwable failure, int attempts) {
    Duration d = delayFor(failure, settings);
    if (d.isNegative()) {
      long initial = settings.initialBackoff().toNanos();
      long exp = initial << Math.min(Math.max(0, attempts - 1), 30);
      long capped = exp <= 0 ? settings.maxBackoff().toNanos()
          : Math.min(exp, settings.maxBackoff().toNanos());
      double jitter = 1 + ThreadLocalRandom.current().nextDouble(-0.25, 0.25);
      d = Duration.ofNanos(Math.max(1, (long) (capped * jitter)));
    }
    OperationDeadline deadline = OperationDeadline.current();
    return deadline == null ? d : TerminalWait.min(d, deadline.remaining());
  }

  private void retrying(ExecutionScheduledEvent<Object> e) {
    OperationDeadline deadline = OperationDeadline.current();
    Throwable failure = e.getLastException();
    Duration wait = e.getDelay();
    int next = e.getAttemptCount() + 1;
    LOG.log(Level.INFO, () -> vendor + " call failed (" + (failure == null ? "no answer"
        : failure.getMessage()) + "); retrying: attempt " + next + " of "
        + (settings.maxRetries() + 1) + " in " + wait.toMillis() + " ms"
        + (deadline == null ? "" : ", " + deadline.remaining().toMillis() + " ms left of "
            + HttpSettings.OPERATION_TIMEOUT + " (" + deadline.budget() + ")"));
    if (failure != null) {
      try {
        events.retrying(new Retry(provider,
            deadline == null ? Operation.STATUS : deadline.operation(), next, wait, failure));
      } catch (RuntimeException listenerFailed) {
        LOG.log(Level.WARNING, "A listener failed on a retry report", listenerFailed);
      }
    }
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
