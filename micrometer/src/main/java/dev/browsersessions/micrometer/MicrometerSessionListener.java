package dev.browsersessions.micrometer;

import dev.browsersessions.observe.CallObserver;
import dev.browsersessions.observe.CallStarted;
import dev.browsersessions.observe.LeakGuardStop;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.Retry;
import dev.browsersessions.observe.SessionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SessionListener} that records browser-sessions in Micrometer.
 *
 * <ul>
 *   <li>Each call is an {@link Observation} named {@value SessionMetrics#CALLS}: with a meter
 *       handler on the registry it is a timer tagged provider, operation, outcome and exception;
 *       with Micrometer Tracing it is a span (the scope is open during the call, so the provider's
 *       own HTTP spans nest under it).
 *   <li>{@value SessionMetrics#OPEN}: a gauge of the sessions the clients started and still
 *       track, per provider.
 *   <li>{@value SessionMetrics#RETRIES}, {@value SessionMetrics#LOST_CREATES} and {@value
 *       SessionMetrics#LEAK_GUARD_STOPS}: counters.
 * </ul>
 *
 * <pre>{@code
 * MicrometerSessionListener metrics = MicrometerSessionListener.of(meterRegistry);
 * BrowserSessions sessions = BrowserSessions.builder().listener(metrics).build();
 * }</pre>
 *
 * One listener may serve several clients: the gauge adds up their sessions per provider.
 * Thread-safe.
 */
public final class MicrometerSessionListener implements SessionListener {

  private final ObservationRegistry observations;
  private final MeterRegistry meters; // null: observations only
  private final SessionCallConvention convention;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

  private MicrometerSessionListener(Builder b) {
    this.meters = b.meters;
    this.convention = b.convention;
    if (b.observations != null) {
      this.observations = b.observations;
    } else {
      // only a MeterRegistry: observations become timers through Micrometer's meter handler
      ObservationRegistry own = ObservationRegistry.create();
      own.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
      this.observations = own;
    }
  }

  /**
   * A listener that records calls as timers and the rest as meters in one registry.
   *
   * @param meters the registry
   * @return the listener
   */
  public static MicrometerSessionListener of(MeterRegistry meters) {
    return builder().meterRegistry(meters).build();
  }

  /**
   * Starts a builder: give an {@link ObservationRegistry}, a {@link MeterRegistry}, or both.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CallObserver callStarted(CallStarted call) {
    if (observations.isNoop()) {
      return CallObserver.NONE;
    }
    SessionCallContext context = new SessionCallContext(call);
    Observation observation =
        Observation.createNotStarted(
                convention, DefaultConvention.INSTANCE, () -> context, observations)
            .start();
    Observation.Scope scope = observation.openScope();
    return finished -> {
      context.finish(finished);
      finished.failure().ifPresent(observation::error);
      scope.close();
      observation.stop();
    };
  }

  @Override
  public void sessionOpened(String provider, String sessionId) {
    gauge(provider).incrementAndGet();
  }

  @Override
  public void sessionReleased(String provider, String sessionId) {
    gauge(provider).decrementAndGet();
  }

  @Override
  public void leakGuardStopped(LeakGuardStop stop) {
    count(SessionMetrics.LEAK_GUARD_STOPS,
        "Sessions the leak guard stopped because nobody else did",
        SessionMetrics.PROVIDER, stop.provider(),
        SessionMetrics.TRIGGER, stop.trigger().tagValue(),
        SessionMetrics.OUTCOME, stop.outcome().tagValue());
  }

  @Override
  public void retrying(Retry retry) {
    count(SessionMetrics.RETRIES,
        "Vendor calls a provider retried after a transient failure",
        SessionMetrics.PROVIDER, retry.provider(),
        SessionMetrics.OPERATION, retry.operation().tagValue(),
        SessionMetrics.EXCEPTION, retry.exceptionType());
  }

  @Override
  public void lostCreate(LostCreate lostCreate) {
    count(SessionMetrics.LOST_CREATES,
        "Creates whose answer was lost, by what reconciling them found",
        SessionMetrics.PROVIDER, lostCreate.provider(),
        SessionMetrics.RESOLUTION, lostCreate.resolution().tagValue());
  }

  /** Adds one to a counter; these events are rare, so the registry's lookup is fine. */
  private void count(String name, String description, String... tags) {
    if (meters != null) {
      Counter.builder(name).description(description).tags(tags).register(meters).increment();
    }
  }

  /**
   * The sessions this listener has seen opened and not yet released, per provider: the value of
   * the {@value SessionMetrics#OPEN} gauge.
   *
   * @param provider the provider's name
   * @return the count
   */
  public int openSessions(String provider) {
    AtomicInteger n = open.get(provider);
    return n == null ? 0 : n.get();
  }

  private AtomicInteger gauge(String provider) {
    return open.computeIfAbsent(
        provider,
        p -> {
          AtomicInteger n = new AtomicInteger();
          if (meters != null) {
            // the map holds n strongly: Micrometer keeps only a weak reference to a gauge's object
            Gauge.builder(SessionMetrics.OPEN, n, AtomicInteger::get)
                .description("Sessions started through browser-sessions and not yet ended")
                .tag(SessionMetrics.PROVIDER, p)
                .register(meters);
          }
          return n;
        });
  }

  /** The default convention, used when none is given. */
  private static final class DefaultConvention {
    static final SessionCallConvention INSTANCE = new SessionCallConvention();
  }

  /** Options for a {@link MicrometerSessionListener}. Not thread-safe. */
  public static final class Builder {
    private ObservationRegistry observations;
    private MeterRegistry meters;
    private SessionCallConvention convention;

    private Builder() {}

    /**
     * Records calls as observations in this registry (its handlers decide whether they become
     * timers, spans or both). Without it, calls become timers in the {@link #meterRegistry}.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder observationRegistry(ObservationRegistry registry) {
      this.observations = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Records the gauge and counters in this registry. Without it, only observations are made.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meters = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Replaces the default naming and tagging of call observations.
     *
     * @param convention the convention
     * @return this builder
     */
    public Builder convention(SessionCallConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /**
     * Builds the listener.
     *
     * @return the listener
     * @throws IllegalStateException if neither registry was given
     */
    public MicrometerSessionListener build() {
      if (observations == null && meters == null) {
        throw new IllegalStateException(
            "MicrometerSessionListener needs an ObservationRegistry, a MeterRegistry or both:"
                + " call observationRegistry(...) and/or meterRegistry(...) on the builder");
      }
      return new MicrometerSessionListener(this);
    }
  }
}
