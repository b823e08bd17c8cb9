package dev.browsersessions.http;

import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one wait-until-terminal loop of the REST providers: after a stop, reads the session's status
 * until it is terminal or the stop deadline has passed, pausing between reads on an injected
 * {@link Clock} and {@link Sleeper} (tests move a clock instead of waiting).
 *
 * @param provider the provider's name, for the exception
 * @param timeout how long a stop may take to be confirmed
 * @param pollInterval the pause between two status reads
 * @param clock the clock of the deadline
 * @param sleeper waits between reads
 */
public record TerminalWait(
    String provider, Duration timeout, Duration pollInterval, Clock clock, Sleeper sleeper) {

  /** The longest pause between two reads, whatever the poll interval. */
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  /**
   * Checks the arguments.
   *
   * @param provider the provider's name, for the exception
   * @param timeout how long a stop may take to be confirmed
   * @param pollInterval the pause between two status reads
   * @param clock the clock of the deadline
   * @param sleeper waits between reads
   */
  public TerminalWait {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Reads until terminal.
   *
   * @param sessionId the session being stopped
   * @param current its last known state
   * @param status the neutral status of a state
   * @param read reads the state again
   * @param <S> the vendor's (or the neutral) session state
   * @return the terminal state
   * @throws StopNotConfirmedException if it is not terminal within {@link #timeout()} (or the
   *     wait was interrupted; the interrupt flag is kept)
   */
  public <S> S await(String sessionId, S current, Function<S, SessionStatus> status,
      Supplier<S> read) {
    Instant until = clock.instant().plus(timeout);
    // bounded in count too, whatever the clock does: one read per poll interval of the timeout
    long maxReads = timeout.toMillis() / Math.max(1, pollInterval.toMillis()) + 2;
    S last = current;
    for (long reads = 0; !status.apply(last).isTerminal(); reads++) {
      Instant now = clock.instant();
      if (!now.isBefore(until) || reads >= maxReads) {
        throw new StopNotConfirmedException(sessionId, provider, status.apply(last),
            timeout.toString());
      }
      Duration pause = min(min(pollInterval, MAX_PAUSE), Duration.between(now, until));
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StopNotConfirmedException(sessionId, provider, status.apply(last),
            timeout + " (interrupted)");
      }
      last = read.get();
    }
    return last;
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
