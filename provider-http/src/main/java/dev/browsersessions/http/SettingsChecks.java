package dev.browsersessions.http;

import dev.browsersessions.ProviderConfigurationException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks every REST provider's settings record makes when built, with one wording: each
 * failure is a {@link ProviderConfigurationException} naming the provider and the key.
 */
public final class SettingsChecks {

  private SettingsChecks() {}

  /**
   * A configuration error.
   *
   * @param provider the provider's name
   * @param key the key
   * @param what what is wrong and how to fix it, e.g. {@code "is missing; set it or X"}
   * @return the exception
   */
  public static ProviderConfigurationException invalid(String provider, String key, String what) {
    return new ProviderConfigurationException(
        "Configuration key '" + key + "' of provider '" + provider + "' " + what, provider, key);
  }

  /**
   * Requires a secret to be set.
   *
   * @param provider the provider's name
   * @param key the key
   * @param value the value
   * @param variable the vendor's own environment variable for it
   * @return the value
   */
  public static String requireSet(String provider, String key, String value, String variable) {
    if (value == null || value.isBlank()) {
      throw invalid(provider, key, "is missing; set it or " + variable);
    }
    return value;
  }

  /**
   * Requires a positive duration.
   *
   * @param provider the provider's name
   * @param key the key
   * @param d the duration
   * @return the duration
   */
  public static Duration requirePositive(String provider, String key, Duration d) {
    Objects.requireNonNull(d, key);
    if (d.isNegative() || d.isZero()) {
      throw invalid(provider, key, "must be a positive duration such as 30s");
    }
    return d;
  }

  /**
   * Checks the {@value LostCreatePolicy#KEY} value.
   *
   * @param provider the provider's name
   * @param value {@code stop}, {@code report} or {@code ignore}, any case
   * @return the value, lower case
   */
  public static String requireLostCreate(String provider, String value) {
    String v = Objects.requireNonNull(value, LostCreatePolicy.KEY).trim().toLowerCase(Locale.ROOT);
    LostCreatePolicy.parse(v, provider);
    return v;
  }

  /**
   * Checks the {@value LostCreateSettings#WAIT_KEY} value.
   *
   * @param provider the provider's name
   * @param wait 0 to 10 minutes
   * @return the value
   */
  public static Duration requireLostCreateWait(String provider, Duration wait) {
    Objects.requireNonNull(wait, LostCreateSettings.WAIT_KEY);
    if (wait.isNegative() || wait.compareTo(LostCreateSettings.MAX_WAIT) > 0) {
      throw invalid(provider, LostCreateSettings.WAIT_KEY, "is " + wait + "; use 0s to 10m");
    }
    return wait;
  }
}
