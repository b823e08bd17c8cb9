package dev.browsersessions.http;

import dev.browsersessions.ProviderConfigurationException;
import java.util.Locale;

/**
 * What a create that failed after the vendor may have started the session does about it
 * (configuration key {@value #KEY}).
 */
public enum LostCreatePolicy {
  /** Find the session it started and stop it (confirmed), then fail naming it. */
  STOP,
  /** Find the candidates and name them in the failure; stop nothing. */
  REPORT,
  /** Fail as the call failed; look for nothing. */
  IGNORE;

  /** The configuration key. */
  public static final String KEY = "lost-create";

  /**
   * The configuration value of this policy.
   *
   * @return {@code stop}, {@code report} or {@code ignore}
   */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the configured value.
   *
   * @param value {@code stop}, {@code report} or {@code ignore} (any case)
   * @param provider the provider's name, for the error
   * @return the policy
   * @throws ProviderConfigurationException naming the key and the values allowed
   */
  public static LostCreatePolicy parse(String value, String provider) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProviderConfigurationException(
          "Configuration key '" + KEY + "' is '" + value + "'; use stop, report or ignore",
          provider, KEY);
    }
  }
}
