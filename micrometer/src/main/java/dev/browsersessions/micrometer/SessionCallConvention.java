package dev.browsersessions.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags a call's observation. The default gives the name {@value SessionMetrics#CALLS},
 * the contextual (span) name {@code "browser-sessions <operation>"}, the low-cardinality keys
 * provider, operation, outcome and exception, and the session id as the only high-cardinality key.
 * Extend it, or implement {@link ObservationConvention} for {@link SessionCallContext}, and pass
 * it to {@link MicrometerSessionListener.Builder#convention}; an {@code ObservationRegistry}'s
 * global conventions win over it, as Micrometer specifies.
 */
public class SessionCallConvention implements ObservationConvention<SessionCallContext> {

  /** The default convention. */
  public SessionCallConvention() {}

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof SessionCallContext;
  }

  @Override
  public String getName() {
    return SessionMetrics.CALLS;
  }

  @Override
  public String getContextualName(SessionCallContext context) {
    return "browser-sessions " + context.call().operation().tagValue();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(SessionCallContext context) {
    return KeyValues.of(
        KeyValue.of(SessionMetrics.PROVIDER, context.call().provider()),
        KeyValue.of(SessionMetrics.OPERATION, context.call().operation().tagValue()),
        KeyValue.of(SessionMetrics.OUTCOME,
            context.finished().map(f -> f.outcome().tagValue()).orElse("unknown")),
        KeyValue.of(SessionMetrics.EXCEPTION,
            context.finished().map(f -> f.exceptionType()).orElse("none")));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(SessionCallContext context) {
    return context.finished()
        .flatMap(f -> f.sessionId())
        .or(() -> context.call().sessionId())
        .map(id -> KeyValues.of(KeyValue.of(SessionMetrics.SESSION_ID, id)))
        .orElse(KeyValues.empty());
  }
}
