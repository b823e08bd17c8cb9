package dev.browsersessions.observe;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A create whose answer was lost (a timeout, a reset, a 5xx after the request was sent) and what
 * the provider found when it reconciled it. Reported by the provider through {@link
 * ProviderEvents#lostCreate}.
 *
 * @param provider the provider's name
 * @param resolution what the reconciliation found and did
 * @param sessionId the session it found, if any. High cardinality: never a metric tag
 */
public record LostCreate(String provider, Resolution resolution, Optional<String> sessionId) {

  /** What reconciling a lost create found and did. */
  public enum Resolution {
    /** The session was running and was handed to the caller as the create's result. */
    ADOPTED,
    /** The session was running and the provider stopped it; the create failed. */
    STOPPED,
    /** No session had been started; the create failed without leaving anything behind. */
    NONE_STARTED,
    /** The provider could not tell yet; it looks again later (at the latest on {@code close()}). */
    UNRESOLVED;

    /**
     * The lower-case name, for metric tags.
     *
     * @return e.g. {@code "adopted"}
     */
    public String tagValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks the fields.
   *
   * @param provider the provider's name
   * @param resolution what was found
   * @param sessionId the session found, if any
   */
  public LostCreate {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(sessionId, "sessionId");
  }
}
