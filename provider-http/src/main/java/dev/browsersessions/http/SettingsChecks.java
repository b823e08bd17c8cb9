package dev.browsersessions.http;

import dev.browsersessions.ProviderConfigurationException;
import java.net.URI;
import java.time.Duration;
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
   * Requires a base URL a provider can be given: absolute, with a host, and without user-info
   * (credentials go in the provider's own keys, never in a URL that messages and {@code
   * toString()} show), query or fragment (paths are appended to it). Every provider's base URLs
   * pass here ({@link HttpSettings#requireSafe} calls it). The message shows the URL's scheme,
   * host, port and path only: never its user-info or query.
   *
   * @param provider the provider's name
   * @param key the key the URL came from
   * @param url the URL
   * @return the URL
   */
  public static URI requireBaseUrl(String provider, String key, URI url) {
    Objects.requireNonNull(url, key);
    if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null
        || url.getRawUserInfo() != null || url.getRawQuery() != null
        || url.getRawFragment() != null) {
      throw invalid(provider, key, "is " + shown(url) + ": use an absolute URL with a host and"
          + " no user-info, query or fragment (credentials go in the provider's own keys)");
    }
    return url;
  }

  /** A URL as a message may show it: scheme, host, port and path; user-info and query masked. */
  static String shown(URI url) {
    if (url.isOpaque() || url.getHost() == null) {
      return "a URI without a host";
    }
    return url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : Redactor.MASK + "@")
        + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + Redactor.MASK)
        + (url.getRawFragment() == null ? "" : "#" + Redactor.MASK);
  }
}
