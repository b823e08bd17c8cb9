package dev.browsersessions.notte;

import java.time.Instant;
import java.util.Optional;

/**
 * What Notte says of an agent after {@link NotteExtras#stopAgent(String, String)}.
 *
 * @param agentId the agent
 * @param sessionId the session it ran in
 * @param state {@code ACTIVE}, {@code CLOSED} or {@code UNKNOWN}
 * @param vendorStatus Notte's own status string
 * @param createdAt when the agent started
 * @param closedAt when it ended
 * @param success whether it succeeded, once it has ended
 * @param answer its answer, if any
 */
public record AgentStatus(
    String agentId,
    String sessionId,
    State state,
    String vendorStatus,
    Optional<Instant> createdAt,
    Optional<Instant> closedAt,
    Optional<Boolean> success,
    Optional<String> answer) {

  /** An agent's state. */
  public enum State {
    /** Still running. */
    ACTIVE,
    /** Ended. */
    CLOSED,
    /** A state this library does not know; see {@link AgentStatus#vendorStatus()}. */
    UNKNOWN
  }
}
