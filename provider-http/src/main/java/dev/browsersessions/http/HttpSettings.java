package dev.browsersessions.http;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTTP settings every REST provider reads from its {@link ProviderConfig}.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code connect-timeout}</td><td>10s</td><td>TCP connect timeout</td></tr>
 *   <tr><td>{@code request-timeout}</td><td>30s</td><td>deadline of one attempt, headers and
 *       body</td></tr>
 *   <tr><td>{@code max-retries}</td><td>3</td><td>retries after the first attempt (0–10)</td></tr>
 *   <tr><td>{@code retry-initial-backoff}</td><td>200ms</td><td>first wait, doubled each
 *       retry, with 25% jitter</td></tr>
 *   <tr><td>{@code retry-max-backoff}</td><td>5s</td><td>largest wait; also caps a server's
 *       {@code Retry-After}</td></tr>
 *   <tr><td>{@code allow-insecure}</td><td>false</td><td>allow {@code http://} base URLs on
 *       hosts other than loopback</td></tr>
 *   <tr><td>{@code operation-timeout}</td><td>45s</td><td>deadline of one client operation
 *       ({@code create}, {@code status}, {@code stop}, {@code list}, {@code close()}): its
 *       attempts, retries, lost-create reconciliation and stop confirmation together</td></tr>
 * </table>
 *
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout deadline of one attempt, from sending the request to the last byte of the
 *     answer
 * @param maxRetries retries after the first attempt
 * @param initialBackoff first wait between attempts
 * @param maxBackoff largest wait, also the cap on {@code Retry-After}
 * @param allowInsecure whether plain HTTP is allowed off loopback
 * @param operationTimeout deadline of one client operation, retries and reconciliation included
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    boolean allowInsecure,
    Duration operationTimeout) {

  /** Config key of {@link #connectTimeout()}. */
  public static final String CONNECT_TIMEOUT = "connect-timeout";
  /** Config key of {@link #requestTimeout()}. */
  public static final String REQUEST_TIMEOUT = "request-timeout";
  /** Config key of {@link #maxRetries()}. */
  public static final String MAX_RETRIES = "max-retries";
  /** Config key of {@link #initialBackoff()}. */
  public static final String RETRY_INITIAL_BACKOFF = "retry-initial-backoff";
  /** Config key of {@link #maxBackoff()}. */
  public static final String RETRY_MAX_BACKOFF = "retry-max-backoff";
  /** Config key of {@link #allowInsecure()}. */
  public static final String ALLOW_INSECURE = "allow-insecure";
  /** Config key of {@link #operationTimeout()}. */
  public static final String OPERATION_TIMEOUT = "operation-timeout";

  /** Default of {@link #operationTimeout()}. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(45);

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Reads the settings, refusing absurd values with a message naming the key.
   *
   * @param config the provider's configuration
   * @return the settings
   * @throws ProviderConfigurationException naming the key at fault
   */
  public static HttpSettings from(ProviderConfig config) {
    String provider = config.provider().orElse(null);
    Duration connect = bounded(config, CONNECT_TIMEOUT, Duration.ofSeconds(10), provider);
    Duration request = bounded(config, REQUEST_TIMEOUT, Duration.ofSeconds(30), provider);
    int retries = config.getInt(MAX_RETRIES, 3, 0, 10);
    Duration initial = config.getDuration(RETRY_INITIAL_BACKOFF, Duration.ofMillis(200));
    Duration max = config.getDuration(RETRY_MAX_BACKOFF, Duration.ofSeconds(5));
    if (initial.isZero() || initial.compareTo(max) > 0 || max.compareTo(MAX_TIMEOUT) > 0) {
      throw new ProviderConfigurationException(
          "Configuration '" + RETRY_INITIAL_BACKOFF + "' (" + initial + ") must be positive and"
              + " at most '" + RETRY_MAX_BACKOFF + "' (" + max + "), which must be at most "
              + MAX_TIMEOUT,
          provider,
          RETRY_INITIAL_BACKOFF);
    }
    Duration operation =
        bounded(config, OPERATION_TIMEOUT, DEFAULT_OPERATION_TIMEOUT, provider);
    return new HttpSettings(connect, request, retries, initial, max,
        config.getBoolean(ALLOW_INSECURE, false), operation);
  }

  /**
   * Checks a base URL: a plain base URL ({@link SettingsChecks#requireBaseUrl}: a host, no
   * user-info, query or fragment), and HTTPS, or plain HTTP on a loopback host, or anything with
   * {@code allow-insecure}. No message shows the URL's user-info.
   *
   * @param url the base URL
   * @param key the configuration key it came from, for the message
   * @param provider the provider's name
   * @return the URL, without a trailing slash
   * @throws ProviderConfigurationException if it is not allowed
   */
  public URI requireSafe(URI url, String key, String provider) {
    SettingsChecks.requireBaseUrl(provider, key, url);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean ok =
        scheme.equals("https") || (scheme.equals("http") && (allowInsecure || ServerData.isLoopback(url.getHost())));
    if (!ok) {
      throw new ProviderConfigurationException(
          "Configuration '" + key + "' for provider '" + provider + "' is " + url
              + ": only https:// is allowed, or http:// on a loopback host; set " + ALLOW_INSECURE
              + "=true to allow it anyway",
          provider,
          key);
    }
    String s = url.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  private static Duration bounded(
      ProviderConfig config, String key, Duration defaultValue, String provider) {
    Duration d = config.getDuration(key, defaultValue);
    if (d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
      throw new ProviderConfigurationException(
          "Configuration '" + key + "' for provider '" + provider + "' must be between 1ms and "
              + MAX_TIMEOUT + ", got " + d,
          provider,
          key);
    }
    return d;
  }
}
