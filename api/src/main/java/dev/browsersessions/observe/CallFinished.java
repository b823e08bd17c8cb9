package dev.browsersessions.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A client call that has ended, successfully or not. Validation failures (an invalid id, an
 * option the provider lacks) count: they end the call with {@link Outcome#FAILURE}.
 *
 * @param call what started
 * @param outcome how it ended
 * @param duration how long it took, on the JVM's monotonic clock
 * @param sessionId the session the call was about; for a successful {@code start}, the new
 *     session's id. High cardinality: never a metric tag
 * @param failure what it threw, when it failed
 */
public record CallFinished(
    CallStarted call,
    Outcome outcome,
    Duration duration,
    Optional<String> sessionId,
    Optional<Throwable> failure) {

  /**
   * Checks the fields.
   *
   * @param call what started
   * @param outcome how it ended
   * @param duration how long it took
   * @param sessionId the session, if known
   * @param failure what it threw
   */
  public CallFinished {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * The simple class name of the failure, a low-cardinality value fit for a metric tag.
   *
   * @return e.g. {@code "RateLimitedException"}, or {@code "none"} when the call succeeded
   */
  public String exceptionType() {
    return Events.exceptionType(failure);
  }
}
