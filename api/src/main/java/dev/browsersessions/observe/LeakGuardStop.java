package dev.browsersessions.observe;

import java.util.Objects;
import java.util.Optional;

/**
 * The leak guard stopped (or failed to stop) a session the client started and nobody stopped.
 * Warm sessions never handed out (see {@link
 * dev.browsersessions.BrowserSessions.Builder#warmPool}) are no leak: their stops are not
 * reported here.
 *
 * @param provider the provider's name
 * @param sessionId the session. High cardinality: never a metric tag
 * @param trigger what made the guard act
 * @param outcome whether the stop succeeded; a session the provider no longer knows counts as
 *     stopped
 * @param failure what the stop threw, when it failed
 */
public record LeakGuardStop(
    String provider,
    String sessionId,
    Trigger trigger,
    Outcome outcome,
    Optional<Throwable> failure) {

  /** What made the leak guard stop a session. */
  public enum Trigger {
    /** {@link dev.browsersessions.BrowserSessions#close()}. */
    CLOSE,
    /** The opt-in JVM shutdown hook. */
    SHUTDOWN_HOOK;

    /**
     * The lower-case name, for metric tags.
     *
     * @return {@code "close"} or {@code "shutdown_hook"}
     */
    public String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Checks the fields.
   *
   * @param provider the provider's name
   * @param sessionId the session
   * @param trigger what made the guard act
   * @param outcome whether the stop succeeded
   * @param failure what the stop threw
   */
  public LeakGuardStop {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * The simple class name of the failure, for a metric tag.
   *
   * @return e.g. {@code "ProviderUnavailableException"}, or {@code "none"}
   */
  public String exceptionType() {
    return Events.exceptionType(failure);
  }
}
