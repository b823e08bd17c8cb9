package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;
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
 * {@link Clock} and {@link Sleeper} (tests move a clock instead of waiting). It also ends when the
 * client operation's deadline ({@code operation-timeout}) passes first: a stop throws {@link
 * StopNotConfirmedException}, never a transport failure of a read the deadline refused.
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
   * Reads until terminal, within the stop deadline and the current client operation's deadline
   * ({@code operation-timeout}, see {@link VendorCalls#within}), whichever ends first: no pause
   * runs past either, no read is sent once either has passed, and a read cut by the operation's
   * deadline ends the wait as well.
   *
   * @param sessionId the session being stopped
   * @param current its last known state
   * @param status the neutral status of a state
   * @param read reads the state again
   * @param <S> the vendor's (or the neutral) session state
   * @return the terminal state
   * @throws StopNotConfirmedException if it is not terminal within {@link #timeout()} or the
   *     operation's deadline (naming the one that passed; a read the deadline cut is attached as
   *     suppressed), or the wait was interrupted (the interrupt flag is kept)
   */
  public <S> S await(String sessionId, S current, Function<S, SessionStatus> status,
      Supplier<S> read) {
    Instant until = clock.instant().plus(timeout);
    OperationDeadline operation = OperationDeadline.current();
    // bounded in count too, whatever the clock does: one read per poll interval of the timeout
    long maxReads = timeout.toMillis() / Math.max(1, pollInterval.toMillis()) + 2;
    S last = current;
    for (long reads = 0; !status.apply(last).isTerminal(); reads++) {
      Instant now = clock.instant();
      if (!now.isBefore(until) || reads >= maxReads) {
        throw notConfirmed(sessionId, status.apply(last), timeout.toString());
      }
      Duration pause = min(min(pollInterval, MAX_PAUSE), Duration.between(now, until));
      if (operation != null) {
        pause = min(pause, operation.remaining());
      }
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw notConfirmed(sessionId, status.apply(last), timeout + " (interrupted)");
      }
      if (operation != null && operation.expired()) {
        throw notConfirmed(sessionId, status.apply(last), operationTimeout(operation));
      }
      try {
        last = read.get();
      } catch (BrowserSessionException e) {
        if (operation == null || !operation.expired()) {
          throw e;
        }
        StopNotConfirmedException out =
            notConfirmed(sessionId, status.apply(last), operationTimeout(operation));
        out.addSuppressed(e);
        throw out;
      }
    }
    return last;
  }

  private StopNotConfirmedException notConfirmed(String sessionId, SessionStatus last,
      String deadline) {
    return new StopNotConfirmedException(sessionId, provider, last, deadline);
  }

  private static String operationTimeout(OperationDeadline operation) {
    return HttpSettings.OPERATION_TIMEOUT + " (" + operation.budget() + ")";
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
