package dev.browsersessions.fake;

import dev.browsersessions.SessionRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call a {@link FakeProvider} received, recorded before any validation, so calls that failed
 * (invalid id, unsupported option, injected fault, unknown session) are recorded too.
 *
 * @param operation which method was called
 * @param sessionId the id the call named ({@code status}, {@code stop}); empty for {@code create},
 *     {@code list} and {@code close}
 * @param request the request passed to {@code create}; empty otherwise
 * @param at the provider clock's instant when the call arrived
 */
public record FakeCall(
    FakeOperation operation,
    Optional<String> sessionId,
    Optional<SessionRequest> request,
    Instant at) {

  /**
   * Checks that no component is {@code null}.
   *
   * @param operation which method was called
   * @param sessionId the id the call named, or empty
   * @param request the request passed to {@code create}, or empty
   * @param at when the call arrived
   */
  public FakeCall {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(at, "at");
  }
}
