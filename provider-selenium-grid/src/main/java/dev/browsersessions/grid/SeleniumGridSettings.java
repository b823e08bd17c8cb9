package dev.browsersessions.grid;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.LostCreateSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@code selenium-grid} provider is configured with, typed and checked when built.
 * {@link #toString()} never shows the password.
 *
 * <table>
 *   <caption>Configuration keys (besides the HTTP keys of provider-http)</caption>
 *   <tr><th>Key</th><th>Also</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code url}</td><td>{@code SE_GRID_URL}</td><td>required</td><td>the Grid's router
 *       (standalone or hub), e.g. {@code http://127.0.0.1:4444}, with its sub-path if any</td></tr>
 *   <tr><td>{@code username}, {@code password}</td><td>{@code SE_ROUTER_USERNAME}, {@code
 *       SE_ROUTER_PASSWORD}</td><td>none</td><td>the router's basic-auth credentials (both or
 *       neither)</td></tr>
 *   <tr><td>{@code browser}</td><td></td><td>{@code chrome}</td><td>the W3C {@code browserName}
 *       asked for; only {@code chrome} is supported</td></tr>
 *   <tr><td>{@code queue-timeout}</td><td></td><td>{@code 60s}</td><td>how long a create waits
 *       for the Grid to start the session, queue included</td></tr>
 *   <tr><td>{@code lost-create}</td><td></td><td>{@code stop}</td><td>what a create that failed
 *       after the Grid may have started the session does about it: {@code stop}, {@code report}
 *       or {@code ignore} (as every REST provider)</td></tr>
 *   <tr><td>{@code lost-create-wait}</td><td></td><td>{@code 5s}</td><td>how long a create
 *       without an answer keeps looking for its session</td></tr>
 * </table>
 *
 * @param url the router's URL, without a trailing slash (no user-info, query or fragment:
 *     credentials go in {@code username} and {@code password})
 * @param username the basic-auth user, if the router asks for one
 * @param password the basic-auth password (never shown)
 * @param browser the W3C browser name
 * @param queueTimeout how long one create may wait for a slot and a started browser
 * @param lostCreate {@code lost-create}: {@code stop}, {@code report} or {@code ignore}
 * @param lostCreateWait {@code lost-create-wait}: how long a create without an answer looks for
 *     its session (0 to 10 minutes)
 * @param http where the HTTP keys of provider-http ({@code connect-timeout}, {@code
 *     request-timeout}, {@code max-retries}, {@code retry-initial-backoff}, {@code
 *     retry-max-backoff}, {@code allow-insecure}) are read from; checked when built
 */
public record SeleniumGridSettings(
    URI url,
    Optional<String> username,
    Optional<String> password,
    String browser,
    Duration queueTimeout,
    String lostCreate,
    Duration lostCreateWait,
    ProviderConfig http) {

  /** The provider's name. */
  public static final String PROVIDER = "selenium-grid";
  /** Config key of {@link #url()}. */
  public static final String URL = "url";
  /** Config key of {@link #username()}. */
  public static final String USERNAME = "username";
  /** Config key of {@link #password()}. */
  public static final String PASSWORD = "password";
  /** Config key of {@link #browser()}. */
  public static final String BROWSER = "browser";
  /** Config key of {@link #queueTimeout()}. */
  public static final String QUEUE_TIMEOUT = "queue-timeout";
  /** Config key of {@link #lostCreate()}. */
  public static final String LOST_CREATE = "lost-create";
  /** Config key of {@link #lostCreateWait()}. */
  public static final String LOST_CREATE_WAIT = "lost-create-wait";

  /** The only browser this provider is tested with. */
  public static final String CHROME = "chrome";

  private static final Duration MAX_QUEUE_TIMEOUT = Duration.ofMinutes(30);

  /**
   * Checks the settings.
   *
   * @param url the router's URL, without a trailing slash
   * @param username the basic-auth user, if the router asks for one
   * @param password the basic-auth password (never shown)
   * @param browser the W3C browser name
   * @param queueTimeout how long one create may wait for a slot and a started browser
   * @param lostCreate {@code stop}, {@code report} or {@code ignore}
   * @param lostCreateWait how long a create without an answer looks for its session
   * @param http where the HTTP keys of provider-http are read from
   * @throws ProviderConfigurationException naming the key at fault
   */
  public SeleniumGridSettings {
    Objects.requireNonNull(http, "http");
    HttpSettings checked = HttpSettings.from(http.forProvider(PROVIDER));
    if (url == null) {
      throw new ProviderConfigurationException(
          "Missing configuration '" + URL + "' for provider '" + PROVIDER + "': set it to the"
              + " Grid's router, e.g. http://127.0.0.1:4444 (or set SE_GRID_URL)",
          PROVIDER, URL);
    }
    url = checked.requireSafe(url, URL, PROVIDER); // no user-info, query or fragment either
    username = Objects.requireNonNull(username, "username").filter(s -> !s.isBlank());
    password = Objects.requireNonNull(password, "password").filter(s -> !s.isEmpty());
    if (username.isPresent() != password.isPresent()) {
      throw new ProviderConfigurationException(
          "Configuration '" + USERNAME + "' and '" + PASSWORD + "' for provider '" + PROVIDER
              + "' go together: set both for a router with basic auth, or neither",
          PROVIDER, username.isPresent() ? PASSWORD : USERNAME);
    }
    browser = browser == null ? CHROME : browser.strip().toLowerCase(Locale.ROOT);
    if (!browser.equals(CHROME)) {
      throw new ProviderConfigurationException(
          "Configuration '" + BROWSER + "' for provider '" + PROVIDER + "' is '" + browser
              + "': only 'chrome' is supported (firefox and edge are refused until they are"
              + " tested, see the provider's README)", PROVIDER, BROWSER);
    }
    Objects.requireNonNull(queueTimeout, "queueTimeout");
    if (queueTimeout.isZero() || queueTimeout.isNegative()
        || queueTimeout.compareTo(MAX_QUEUE_TIMEOUT) > 0) {
      throw new ProviderConfigurationException(
          "Configuration '" + QUEUE_TIMEOUT + "' for provider '" + PROVIDER + "' must be between"
              + " 1ms and " + MAX_QUEUE_TIMEOUT + ", got " + queueTimeout, PROVIDER, QUEUE_TIMEOUT);
    }
    lostCreate = LostCreateSettings.of(PROVIDER, lostCreate, lostCreateWait).policy().value();
  }

  /**
   * Reads the settings from a provider configuration; does no I/O.
   *
   * @param config the configuration (bound to {@code selenium-grid} or not)
   * @return the settings
   * @throws ProviderConfigurationException naming the key at fault
   */
  public static SeleniumGridSettings from(ProviderConfig config) {
    ProviderConfig c = config.forProvider(PROVIDER)
        .withVendorVariable(URL, "SE_GRID_URL")
        .withVendorVariable(USERNAME, "SE_ROUTER_USERNAME")
        .withVendorVariable(PASSWORD, "SE_ROUTER_PASSWORD");
    return builder()
        .url(c.getUri(URL).orElse(null))
        .credentials(c.getString(USERNAME).orElse(null), c.getString(PASSWORD).orElse(null))
        .browser(c.getString(BROWSER, CHROME))
        .queueTimeout(c.getDuration(QUEUE_TIMEOUT, Builder.DEFAULT_QUEUE_TIMEOUT))
        .lostCreate(c.getString(LOST_CREATE, Builder.DEFAULT_LOST_CREATE))
        .lostCreateWait(c.getDuration(LOST_CREATE_WAIT, Builder.DEFAULT_LOST_CREATE_WAIT))
        .http(c)
        .build();
  }

  /**
   * Starts a builder with the defaults (no URL yet).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "SeleniumGridSettings[url=" + url + ", username=" + username.orElse("")
        + ", password=" + (password.isPresent() ? "****" : "") + ", browser=" + browser
        + ", queueTimeout=" + queueTimeout + ", lostCreate=" + lostCreate + ", lostCreateWait="
        + lostCreateWait + ", http=" + http + "]";
  }

  /** Builds {@link SeleniumGridSettings}; not thread-safe. */
  public static final class Builder {
    static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(60);
    static final String DEFAULT_LOST_CREATE = "stop";
    static final Duration DEFAULT_LOST_CREATE_WAIT = Duration.ofSeconds(5);

    private URI url;
    private String username;
    private String password;
    private String browser = CHROME;
    private Duration queueTimeout = DEFAULT_QUEUE_TIMEOUT;
    private String lostCreate = DEFAULT_LOST_CREATE;
    private Duration lostCreateWait = DEFAULT_LOST_CREATE_WAIT;
    private ProviderConfig http = ProviderConfig.empty();

    private Builder() {}

    /**
     * The Grid's router.
     *
     * @param url e.g. {@code http://127.0.0.1:4444}
     * @return this builder
     */
    public Builder url(URI url) {
      this.url = url;
      return this;
    }

    /**
     * The router's basic-auth credentials; {@code null} for none.
     *
     * @param username the user
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * The browser; only {@code chrome} is accepted.
     *
     * @param browser the W3C browser name
     * @return this builder
     */
    public Builder browser(String browser) {
      this.browser = browser;
      return this;
    }

    /**
     * How long a create waits for the Grid to start the session, its queue included.
     *
     * @param queueTimeout the wait; default 60 s
     * @return this builder
     */
    public Builder queueTimeout(Duration queueTimeout) {
      this.queueTimeout = queueTimeout;
      return this;
    }

    /**
     * What a create that failed after the Grid may have started the session does about it.
     *
     * @param lostCreate {@code stop} (default: find the session and stop it), {@code report}
     *     (name it in the failure) or {@code ignore}
     * @return this builder
     */
    public Builder lostCreate(String lostCreate) {
      this.lostCreate = lostCreate;
      return this;
    }

    /**
     * How long a create that got no answer at all keeps looking for its session.
     *
     * @param wait 0 to 10 minutes; default 5 s
     * @return this builder
     */
    public Builder lostCreateWait(Duration wait) {
      this.lostCreateWait = wait;
      return this;
    }

    /**
     * Where the HTTP keys of provider-http ({@code connect-timeout}, {@code request-timeout},
     * {@code max-retries}, ...) are read from; default none set (their defaults).
     *
     * @param http a configuration holding those keys
     * @return this builder
     */
    public Builder http(ProviderConfig http) {
      this.http = http;
      return this;
    }

    /**
     * Checks and builds the settings.
     *
     * @return the settings
     * @throws ProviderConfigurationException naming the setting at fault
     */
    public SeleniumGridSettings build() {
      return new SeleniumGridSettings(url, Optional.ofNullable(username),
          Optional.ofNullable(password), browser, queueTimeout, lostCreate, lostCreateWait, http);
    }
  }
}
