package dev.browsersessions;

import dev.browsersessions.internal.UserInfo;
import dev.browsersessions.spi.ServerText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration for one provider, in the style of OpenTelemetry's {@code ConfigProperties}.
 *
 * <p>A key such as {@code api-key} for provider {@code notte} resolves from, in order:
 *
 * <ol>
 *   <li>an explicit value given to {@link Builder#put(String, String)};
 *   <li>the system property {@code browsersessions.notte.api-key};
 *   <li>the environment variable {@code BROWSERSESSIONS_NOTTE_API_KEY};
 *   <li>the vendor's own variables that the provider declared with {@link #withVendorVariable}
 *       (e.g. {@code NOTTE_API_KEY}).
 * </ol>
 *
 * Blank values count as unset, and surrounding whitespace is removed from every value (a secret
 * file mounted into a container usually ends with a newline). Typed getters reject malformed values
 * with a {@link ProviderConfigurationException} that names the key and where the value came from,
 * never a raw {@code NumberFormatException} or {@code ArithmeticException}. Keys that hold secrets
 * (their name contains {@code key}, {@code secret}, {@code token}, {@code password} or {@code
 * credential}) are never shown by {@link #toString()} or in error messages, and a secret with a
 * control or invisible character inside it (a line break, an escape, a zero-width space) or with
 * one an HTTP header cannot carry (above U+00FF) is refused when it is read. URL settings must not
 * carry user-info ({@code https://user:pass@host}, {@code //user:pass@host} or {@code
 * user:pass@host}): credentials belong in their own secret keys, and user-info in any value is
 * shown as {@code ****} by {@link #toString()} and in error messages.
 * Instances are immutable and thread-safe.
 */
public final class ProviderConfig {

  /**
   * A key any provider may read: {@code true} asks that sessions outlive the program that
   * started them where they would otherwise end with it (a browser on this machine, whose
   * sessions end with their JVM). Providers whose sessions live at a vendor until stopped ignore
   * it. A tool that starts a session and exits, such as the command line's {@code start}, sets
   * it; the sessions must then be stopped explicitly (or by their timeouts).
   */
  public static final String DETACH = "detach";

  /**
   * The keys every provider accepts, whether or not it acts on them ({@link #DETACH}). A provider
   * that refuses keys it does not know (to catch typos) accepts these.
   */
  public static final Set<String> STANDARD_KEYS = Set.of(DETACH);

  private static final Pattern KEY = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
  private static final Pattern SIMPLE_DURATION = Pattern.compile("([0-9]+)\\s*(ms|s|m|h|d)");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final Duration MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);
  private static final String URL_EXPECTED = "an absolute URL such as https://host.example";
  /** The most characters of a (non-secret) value shown by toString() or in a message. */
  private static final int MAX_SHOWN_VALUE = 200;
  private static final ProviderConfig EMPTY = builder().build();

  private final String provider;
  private final Map<String, String> explicit;
  private final Map<String, List<String>> vendorVariables;
  private final Function<String, String> env;
  private final Function<String, String> sysprops;

  private ProviderConfig(
      String provider,
      Map<String, String> explicit,
      Map<String, List<String>> vendorVariables,
      Function<String, String> env,
      Function<String, String> sysprops) {
    this.provider = provider;
    this.explicit = Map.copyOf(explicit);
    this.vendorVariables = Map.copyOf(vendorVariables);
    this.env = env;
    this.sysprops = sysprops;
  }

  /**
   * A configuration with no explicit values; keys still resolve from system properties and
   * environment variables.
   *
   * @return the configuration
   */
  public static ProviderConfig empty() {
    return EMPTY;
  }

  /**
   * A configuration with the given explicit values.
   *
   * @param values keys and values
   * @return the configuration
   */
  public static ProviderConfig of(Map<String, String> values) {
    Builder b = builder();
    values.forEach(b::put);
    return b.build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This configuration bound to a provider's name, which selects the system properties and
   * environment variables consulted. {@link BrowserSessions} binds it before handing it to a
   * factory.
   *
   * @param providerName the provider's name, e.g. {@code "notte"}
   * @return a new configuration
   */
  public ProviderConfig forProvider(String providerName) {
    Objects.requireNonNull(providerName, "providerName");
    return new ProviderConfig(providerName, explicit, vendorVariables, env, sysprops);
  }

  /**
   * This configuration with one more vendor variable consulted last for a key, e.g. {@code
   * withVendorVariable("api-key", "NOTTE_API_KEY")}.
   *
   * @param key the configuration key
   * @param environmentVariable the vendor's conventional environment variable
   * @return a new configuration
   */
  public ProviderConfig withVendorVariable(String key, String environmentVariable) {
    Map<String, List<String>> copy = new LinkedHashMap<>(vendorVariables);
    List<String> vars = new ArrayList<>(copy.getOrDefault(key, List.of()));
    vars.add(environmentVariable);
    copy.put(key, List.copyOf(vars));
    return new ProviderConfig(provider, explicit, copy, env, sysprops);
  }

  /**
   * The provider this configuration is bound to.
   *
   * @return the provider's name, once bound
   */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * The explicitly given keys (not those from properties or the environment).
   *
   * @return the keys
   */
  public Set<String> explicitKeys() {
    return explicit.keySet();
  }

  /**
   * Resolves a key.
   *
   * @param key e.g. {@code "api-key"}
   * @return the value, if set anywhere
   */
  public Optional<String> getString(String key) {
    return resolve(key).map(Resolved::value);
  }

  /**
   * Resolves a key, with a default.
   *
   * @param key the key
   * @param defaultValue used when the key is unset
   * @return the value or the default
   */
  public String getString(String key, String defaultValue) {
    return getString(key).orElse(defaultValue);
  }

  /**
   * Resolves a key that must be set.
   *
   * @param key the key
   * @return the value
   * @throws ProviderConfigurationException naming every place the key can be set
   */
  public String requireString(String key) {
    return getString(key)
        .orElseThrow(
            () ->
                new ProviderConfigurationException(
                    "Missing configuration '" + key + "'" + forProviderText() + ": set "
                        + String.join(", ", sourcesFor(key)),
                    provider,
                    key));
  }

  /**
   * Resolves a duration: ISO-8601 ({@code PT30S}) or a number with a unit ({@code 500ms}, {@code
   * 30s}, {@code 5m}, {@code 2h}, {@code 1d}). Negative durations are rejected.
   *
   * @param key the key
   * @return the duration, if set
   * @throws ProviderConfigurationException if the value is malformed or negative
   */
  public Optional<Duration> getDuration(String key) {
    return resolve(key).map(r -> parseDuration(r));
  }

  /**
   * Resolves a duration, with a default.
   *
   * @param key the key
   * @param defaultValue used when unset
   * @return the duration
   */
  public Duration getDuration(String key, Duration defaultValue) {
    return getDuration(key).orElse(defaultValue);
  }

  /**
   * Resolves an integer within bounds.
   *
   * @param key the key
   * @param defaultValue used when unset
   * @param min the smallest value accepted
   * @param max the largest value accepted
   * @return the value
   * @throws ProviderConfigurationException if malformed or out of bounds
   */
  public int getInt(String key, int defaultValue, int min, int max) {
    Optional<Resolved> r = resolve(key);
    if (r.isEmpty()) {
      return defaultValue;
    }
    String expected = "a whole number between " + min + " and " + max;
    String v = r.get().value();
    if (!INTEGER.matcher(v).matches()) {
      throw invalid(r.get(), expected);
    }
    long value = Long.parseLong(v); // at most 10 ASCII digits: always fits
    if (value < min || value > max) {
      throw invalid(r.get(), expected);
    }
    return (int) value;
  }

  /**
   * Resolves a boolean ({@code true}/{@code false}, any case).
   *
   * @param key the key
   * @param defaultValue used when unset
   * @return the value
   * @throws ProviderConfigurationException if neither true nor false
   */
  public boolean getBoolean(String key, boolean defaultValue) {
    Optional<Resolved> r = resolve(key);
    if (r.isEmpty()) {
      return defaultValue;
    }
    String v = r.get().value().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw invalid(r.get(), "true or false");
  }

  /**
   * Resolves an absolute URI. User-info ({@code https://user:pass@host}) is refused: a password
   * in a URL ends up in logs and messages, so credentials have their own secret keys.
   *
   * @param key the key
   * @return the URI, if set
   * @throws ProviderConfigurationException if not an absolute URI or if it has user-info; the
   *     message never shows the user-info
   */
  public Optional<URI> getUri(String key) {
    return resolve(key).map(this::parseUri);
  }

  /**
   * Resolves an absolute URI, with a default.
   *
   * @param key the key
   * @param defaultValue used when unset
   * @return the URI
   */
  public URI getUri(String key, URI defaultValue) {
    return getUri(key).orElse(defaultValue);
  }

  /**
   * Whether a key names a secret, which is never shown.
   *
   * @param key the key
   * @return {@code true} for keys containing {@code key}, {@code secret}, {@code token} or {@code
   *     password}
   */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("key") || k.contains("secret") || k.contains("token")
        || k.contains("password") || k.contains("credential");
  }

  /**
   * Lists the explicit keys with secrets masked; never shows a secret value, nor the user-info of
   * a value that carries one ({@code https://alice:pw@host} is shown as {@code
   * https://****@host}). Other values are shown on one clean line, cut at 200 characters.
   *
   * @return e.g. {@code ProviderConfig[notte]{api-key=****, base-url=http://127.0.0.1:8080}}
   */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    explicit.forEach((k, v) -> shown.put(k, isSecret(k) ? UserInfo.MASK : shown(v)));
    return "ProviderConfig[" + (provider == null ? "unbound" : provider) + "]" + shown;
  }

  // ---------------------------------------------------------------------------------------------

  private record Resolved(String key, String value, String source) {}

  private Optional<Resolved> resolve(String key) {
    return find(key).map(r -> checked(new Resolved(r.key(), trimmed(r.value()), r.source())));
  }

  /** The value without surrounding whitespace of any kind (also no-break spaces). */
  private static String trimmed(String v) {
    int start = 0;
    int end = v.length();
    while (start < end && isSpace(v.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(v.charAt(end - 1))) {
      end--;
    }
    return v.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Refuses a secret with a control or invisible character inside (it cannot be meant), or with a
   * character an HTTP header cannot carry (the JDK's refusal would quote the whole header value).
   */
  private Resolved checked(Resolved r) {
    if (!isSecret(r.key())) {
      return r;
    }
    for (int c : r.value().codePoints().toArray()) {
      boolean hidden = isHiddenCharacter(c);
      if (hidden || c > 0xFF) {
        throw new ProviderConfigurationException(
            "Configuration '" + r.key() + "'" + forProviderText() + " from " + r.source()
                + " contains "
                + (hidden
                    ? "a control or invisible character"
                    : "a character an HTTP header cannot carry")
                + String.format(" (U+%04X)", c) + "; a secret is one line of visible characters:"
                + " check how it was written (the value is not shown)",
            provider,
            r.key());
      }
    }
    return r;
  }

  private static boolean isHiddenCharacter(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }

  private Optional<Resolved> find(String key) {
    Objects.requireNonNull(key, "key");
    String v = explicit.get(key);
    if (isSet(v)) {
      return Optional.of(new Resolved(key, v, "explicit configuration"));
    }
    if (provider != null) {
      String prop = systemProperty(key);
      v = sysprops.apply(prop);
      if (isSet(v)) {
        return Optional.of(new Resolved(key, v, "system property " + prop));
      }
      String var = environmentVariable(key);
      v = env.apply(var);
      if (isSet(v)) {
        return Optional.of(new Resolved(key, v, "environment variable " + var));
      }
    }
    for (String var : vendorVariables.getOrDefault(key, List.of())) {
      v = env.apply(var);
      if (isSet(v)) {
        return Optional.of(new Resolved(key, v, "environment variable " + var));
      }
    }
    return Optional.empty();
  }

  private static boolean isSet(String v) {
    return v != null && !trimmed(v).isEmpty();
  }

  private String systemProperty(String key) {
    return "browsersessions." + provider + "." + key;
  }

  private String environmentVariable(String key) {
    return ("BROWSERSESSIONS_" + provider + "_" + key)
        .toUpperCase(Locale.ROOT)
        .replace('-', '_')
        .replace('.', '_');
  }

  private List<String> sourcesFor(String key) {
    List<String> sources = new ArrayList<>();
    sources.add("ProviderConfig.builder().put(\"" + key + "\", …)");
    if (provider != null) {
      sources.add("-D" + systemProperty(key));
      sources.add(environmentVariable(key));
    }
    sources.addAll(vendorVariables.getOrDefault(key, List.of()));
    return sources;
  }

  private String forProviderText() {
    return provider == null ? "" : " for provider '" + provider + "'";
  }

  private Duration parseDuration(Resolved r) {
    String v = r.value();
    Duration d;
    Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
      } else {
        d = Duration.parse(v);
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw invalid(r, "a duration such as 30s, 500ms, 5m or PT30S");
    }
    if (d.isNegative()) {
      throw invalid(r, "a duration that is not negative");
    }
    if (d.compareTo(MAX_DURATION) > 0) {
      // Longer than a long of nanoseconds: every toNanos()/toMillis() downstream would overflow.
      throw invalid(r, "a duration of at most " + MAX_DURATION.toDays() + " days");
    }
    return d;
  }

  private URI parseUri(Resolved r) {
    if (UserInfo.present(r.value())) {
      throw invalid(r, "a URL without user-info ('user:password@' before the host; credentials go"
          + " in their own secret settings)");
    }
    URI uri;
    try {
      uri = new URI(r.value());
    } catch (URISyntaxException e) {
      throw invalid(r, URL_EXPECTED);
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw invalid(r, URL_EXPECTED);
    }
    return uri;
  }

  /**
   * A non-secret value as it may be shown: user-info masked, then one clean line (no control,
   * escape or reordering characters) of at most {@value #MAX_SHOWN_VALUE} characters.
   */
  private static String shown(String value) {
    return ServerText.bounded(UserInfo.masked(value), MAX_SHOWN_VALUE);
  }

  private ProviderConfigurationException invalid(Resolved r, String expected) {
    String shown =
        isSecret(r.key()) ? "(a secret, not shown)" : "'" + shown(r.value()) + "'";
    return new ProviderConfigurationException(
        "Configuration '" + r.key() + "'" + forProviderText() + " from " + r.source()
            + " must be " + expected + ", got " + shown,
        provider,
        r.key());
  }

  /** Builds a {@link ProviderConfig}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> explicit = new LinkedHashMap<>();
    private Function<String, String> env = System::getenv;
    private Function<String, String> sysprops = System::getProperty;

    private Builder() {}

    /**
     * Sets a value explicitly; it wins over properties and the environment.
     *
     * @param key a lower-case key such as {@code api-key} or {@code request-timeout}
     * @param value the value
     * @return this builder
     * @throws ProviderConfigurationException if the key is malformed
     */
    public Builder put(String key, String value) {
      Objects.requireNonNull(key, "key");
      if (!KEY.matcher(key).matches()) {
        throw new ProviderConfigurationException(
            "Configuration key '" + key + "' must be lower-case words joined by '-' or '.',"
                + " such as api-key",
            null,
            key);
      }
      explicit.put(key, Objects.requireNonNull(value, () -> "value of " + key));
      return this;
    }

    /**
     * Replaces the environment consulted (for tests); the default is {@link System#getenv}.
     *
     * @param environment the variables
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      Map<String, String> copy = Map.copyOf(environment);
      this.env = copy::get;
      return this;
    }

    /**
     * Replaces the system properties consulted (for tests); the default is the live {@link
     * System#getProperties()}.
     *
     * @param properties the properties
     * @return this builder
     */
    public Builder systemProperties(Properties properties) {
      Properties copy = new Properties();
      copy.putAll(properties);
      this.sysprops = copy::getProperty;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration, not yet bound to a provider
     */
    public ProviderConfig build() {
      return new ProviderConfig(null, explicit, Map.of(), env, sysprops);
    }
  }
}
