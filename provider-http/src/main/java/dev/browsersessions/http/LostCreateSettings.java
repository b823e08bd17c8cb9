package dev.browsersessions.http;

import dev.browsersessions.ProviderConfig;
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
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code lookFor} is negative or above 10 minutes
   */
  public LostCreateSettings {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(lookFor, "lookFor");
    if (lookFor.isNegative() || lookFor.compareTo(MAX_WAIT) > 0) {
      throw new IllegalArgumentException(WAIT_KEY + " must be between 0 and " + MAX_WAIT
          + ", got " + lookFor);
    }
  }

  /**
   * Reads the keys.
   *
   * @param config the provider's configuration
   * @param provider the provider's name, for errors
   * @return the settings
   * @throws ProviderConfigurationException naming the key when a value is invalid
   */
  public static LostCreateSettings from(ProviderConfig config, String provider) {
    LostCreatePolicy policy =
        LostCreatePolicy.parse(config.getString(LostCreatePolicy.KEY, "stop"), provider);
    Duration wait = config.getDuration(WAIT_KEY, DEFAULT_WAIT);
    if (wait.compareTo(MAX_WAIT) > 0) {
      throw new ProviderConfigurationException("Configuration key '" + WAIT_KEY + "' is " + wait
          + "; use at most " + MAX_WAIT, provider, WAIT_KEY);
    }
    return new LostCreateSettings(policy, wait);
  }
}
