package dev.browsersessions.observe;

import java.util.Objects;
import java.util.Optional;

/**
 * A client call that is about to run.
 *
 * @param provider the provider's name, e.g. {@code "notte"}
 * @param operation which call
 * @param sessionId the session the call is about ({@code stop}, {@code status}); empty for {@code
 *     start} and {@code list}. High cardinality: fine for logs and spans, never a metric tag
 */
public record CallStarted(String provider, Operation operation, Optional<String> sessionId) {
  /**
   * Checks the fields.
   *
   * @param provider the provider's name
   * @param operation which call
   * @param sessionId the session, if the call names one
   */
  public CallStarted {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(sessionId, "sessionId");
  }
}
