package dev.browsersessions.http;

import dev.browsersessions.ProviderConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * The lost-create keys every REST provider accepts, read once.
 *
 * @param policy {@value LostCreatePolicy#KEY}: what to do about a session a failed create may
 *     have started
 * @param lookFor {@value #WAIT_KEY}: how long a create that got no answer at all keeps looking for
 *     its session (the vendor may still be starting it), and the clock-skew allowance around an
 *     attempt's time window for vendors that match by time
 */
public record LostCreateSettings(LostCreatePolicy policy, Duration lookFor) {

  /** The configuration key of {@link #lookFor()}. */
  public static final String WAIT_KEY = "lost-create-wait";

  /** The default of {@link #lookFor()}. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  /** The largest {@link #lookFor()}. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(10);

  /** The defaults: stop, look for 5 s. */
  public static final LostCreateSettings DEFAULTS =
      new LostCreateSettings(LostCreatePolicy.STOP, DEFAULT_WAIT);

  /**
   * The settings, checked as values: {@link #of} is what checks configured values, naming the
   * provider's key in a {@link ProviderConfigurationException}.
   *
   * @param policy what a failed create does about the session it may have started
   * @param lookFor how long a create without an answer keeps looking for its session, 0 to 10
   *     minutes
   * @throws IllegalArgumentException if {@code lookFor} is negative or over {@link #MAX_WAIT}
   */
  public LostCreateSettings {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(lookFor, "lookFor");
    if (lookFor.isNegative() || lookFor.compareTo(MAX_WAIT) > 0) {
      throw new IllegalArgumentException(WAIT_KEY + " (lookFor) must be 0s to 10m, is "
          + lookFor);
    }
  }

  /**
   * The settings of a provider's {@code lost-create} and {@code lost-create-wait} values, checked:
   * the one check of these keys, which every provider's settings record makes when built.
   *
   * @param provider the provider's name, for errors
   * @param policy {@code stop}, {@code report} or {@code ignore}, any case
   * @param lookFor how long to look, 0 to 10 minutes
   * @return the settings
   * @throws ProviderConfigurationException naming the key of an invalid value
   */
  public static LostCreateSettings of(String provider, String policy, Duration lookFor) {
    LostCreatePolicy p = LostCreatePolicy.parse(
        Objects.requireNonNull(policy, LostCreatePolicy.KEY), provider);
    Objects.requireNonNull(lookFor, WAIT_KEY);
    if (lookFor.isNegative() || lookFor.compareTo(MAX_WAIT) > 0) {
      throw SettingsChecks.invalid(provider, WAIT_KEY, "is " + lookFor + "; use 0s to 10m");
    }
    return new LostCreateSettings(p, lookFor);
  }
}
