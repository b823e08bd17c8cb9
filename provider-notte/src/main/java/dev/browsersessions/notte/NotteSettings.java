package dev.browsersessions.notte;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.http.LostCreateSettings;
import dev.browsersessions.http.SettingsChecks;
import java.net.URI;
import java.time.Duration;

/**
 * The {@code notte} provider's own settings, every key once, typed and checked when built: read
 * from a {@link ProviderConfig} by {@link #from} (what {@link NotteProviderFactory} does) or built
 * with {@link #builder}. The HTTP keys (timeouts, retries) are provider-http's and are read from
 * the {@code ProviderConfig}; built with the builder, they keep their defaults. {@link #toString()}
 * never shows the API key.
 *
 * @param apiKey {@value #API_KEY}: sent as {@code Authorization: Bearer}
 * @param baseUrl {@value #BASE_URL}: the API
 * @param stopConfirmTimeout {@value #STOP_CONFIRM_TIMEOUT}: how long a stop waits for Notte to
 *     report the session ended
 * @param stopPollInterval {@value #STOP_POLL_INTERVAL}: status polling interval while confirming
 * @param pageSize {@value #PAGE_SIZE}: sessions per page when listing (1–1000)
 * @param legacyClose {@value #LEGACY_CLOSE}: stop with the legacy {@code POST /session/close}
 * @param lostCreate {@value #LOST_CREATE}: {@code stop}, {@code report} or {@code ignore}
 * @param lostCreateWait {@value #LOST_CREATE_WAIT}: how long a create without an answer looks
 *     for its session, and the clock-skew allowance of its time window
 */
public record NotteSettings(
    String apiKey,
    URI baseUrl,
    Duration stopConfirmTimeout,
    Duration stopPollInterval,
    int pageSize,
    boolean legacyClose,
    String lostCreate,
    Duration lostCreateWait) {

  /** The provider's name. */
  public static final String PROVIDER_NAME = "notte";

  /** Key of the API key (also {@code NOTTE_API_KEY}). */
  public static final String API_KEY = "api-key";
  /** Key of the API's base URL (also {@code NOTTE_API_URL}). */
  public static final String BASE_URL = "base-url";
  /** Key of the stop-confirmation deadline. */
  public static final String STOP_CONFIRM_TIMEOUT = "stop-confirm-timeout";
  /** Key of the status polling interval while confirming a stop. */
  public static final String STOP_POLL_INTERVAL = "stop-poll-interval";
  /** Key of the list page size. */
  public static final String PAGE_SIZE = "page-size";
  /** Key that turns on the legacy close. */
  public static final String LEGACY_CLOSE = "legacy-close";
  /** Key of what a create that failed after Notte may have started a session does about it. */
  public static final String LOST_CREATE = "lost-create";
  /** Key of how long a create without an answer looks for its session. */
  public static final String LOST_CREATE_WAIT = "lost-create-wait";

  /** Notte's production API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.notte.cc");

  /**
   * Checks the values.
   *
   * @param apiKey {@value #API_KEY}: sent as {@code Authorization: Bearer}
   * @param baseUrl {@value #BASE_URL}: the API (a host, no user-info, query or fragment)
   * @param stopConfirmTimeout {@value #STOP_CONFIRM_TIMEOUT}: how long a stop waits for Notte to
   *     report the session ended
   * @param stopPollInterval {@value #STOP_POLL_INTERVAL}: status polling interval while confirming
   * @param pageSize {@value #PAGE_SIZE}: sessions per page when listing (1–1000)
   * @param legacyClose {@value #LEGACY_CLOSE}: stop with the legacy {@code POST /session/close}
   * @param lostCreate {@value #LOST_CREATE}: {@code stop}, {@code report} or {@code ignore} (any
   *     case; kept lower case)
   * @param lostCreateWait {@value #LOST_CREATE_WAIT}: how long a create without an answer looks
   *     for its session, and the clock-skew allowance of its time window (0 to 10 minutes)
   * @throws ProviderConfigurationException naming the key of a missing or invalid value
   */
  public NotteSettings {
    SettingsChecks.requireSet(PROVIDER_NAME, API_KEY, apiKey, "NOTTE_API_KEY");
    SettingsChecks.requireBaseUrl(PROVIDER_NAME, BASE_URL, baseUrl);
    SettingsChecks.requirePositive(PROVIDER_NAME, STOP_CONFIRM_TIMEOUT, stopConfirmTimeout);
    SettingsChecks.requirePositive(PROVIDER_NAME, STOP_POLL_INTERVAL, stopPollInterval);
    if (pageSize < 1 || pageSize > 1000) {
      throw SettingsChecks.invalid(PROVIDER_NAME, PAGE_SIZE, "is " + pageSize + "; use 1 to 1000");
    }
    lostCreate = LostCreateSettings.of(PROVIDER_NAME, lostCreate, lostCreateWait).policy().value();
  }

  /**
   * Reads the settings.
   *
   * @param config the configuration (bound to {@code notte} or not)
   * @return the settings
   * @throws ProviderConfigurationException naming the key of a missing or invalid value
   */
  public static NotteSettings from(ProviderConfig config) {
    ProviderConfig c = withVendorVariables(config);
    return builder(c.requireString(API_KEY))
        .baseUrl(c.getUri(BASE_URL, DEFAULT_BASE_URL))
        .stopConfirmTimeout(c.getDuration(STOP_CONFIRM_TIMEOUT, Duration.ofSeconds(30)))
        .stopPollInterval(c.getDuration(STOP_POLL_INTERVAL, Duration.ofMillis(500)))
        .pageSize(c.getInt(PAGE_SIZE, 100, 1, 1000))
        .legacyClose(c.getBoolean(LEGACY_CLOSE, false))
        .lostCreate(c.getString(LOST_CREATE, "stop"))
        .lostCreateWait(c.getDuration(LOST_CREATE_WAIT, Duration.ofSeconds(5)))
        .build();
  }

  /**
   * The configuration bound to {@code notte}, with Notte's own variables attached: {@code
   * NOTTE_API_KEY} and {@code NOTTE_API_URL}.
   *
   * @param config the configuration
   * @return the configuration to read every key from
   */
  public static ProviderConfig withVendorVariables(ProviderConfig config) {
    return config.forProvider(PROVIDER_NAME).withVendorVariable(API_KEY, "NOTTE_API_KEY")
        .withVendorVariable(BASE_URL, "NOTTE_API_URL");
  }

  /**
   * Starts settings with the defaults.
   *
   * @param apiKey the API key
   * @return a builder
   */
  public static Builder builder(String apiKey) {
    return new Builder(apiKey);
  }

  @Override
  public String toString() {
    return "NotteSettings[apiKey=****, baseUrl=" + baseUrl + ", stopConfirmTimeout="
        + stopConfirmTimeout + ", stopPollInterval=" + stopPollInterval + ", pageSize=" + pageSize
        + ", legacyClose=" + legacyClose + ", lostCreate=" + lostCreate + ", lostCreateWait="
        + lostCreateWait + "]";
  }

  /** Builds {@link NotteSettings}; every value but the API key has a default. */
  public static final class Builder {
    private final String apiKey;
    private URI baseUrl = DEFAULT_BASE_URL;
    private Duration stopConfirmTimeout = Duration.ofSeconds(30);
    private Duration stopPollInterval = Duration.ofMillis(500);
    private int pageSize = 100;
    private boolean legacyClose;
    private String lostCreate = "stop";
    private Duration lostCreateWait = Duration.ofSeconds(5);

    private Builder(String apiKey) {
      this.apiKey = apiKey;
    }

    /**
     * Sets {@value NotteSettings#BASE_URL}.
     *
     * @param baseUrl the API (default {@code https://api.notte.cc})
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets {@value NotteSettings#STOP_CONFIRM_TIMEOUT}.
     *
     * @param timeout the deadline (default 30 s)
     * @return this builder
     */
    public Builder stopConfirmTimeout(Duration timeout) {
      this.stopConfirmTimeout = timeout;
      return this;
    }

    /**
     * Sets {@value NotteSettings#STOP_POLL_INTERVAL}.
     *
     * @param interval the interval (default 500 ms)
     * @return this builder
     */
    public Builder stopPollInterval(Duration interval) {
      this.stopPollInterval = interval;
      return this;
    }

    /**
     * Sets {@value NotteSettings#PAGE_SIZE}.
     *
     * @param pageSize sessions per page (default 100)
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets {@value NotteSettings#LEGACY_CLOSE}.
     *
     * @param legacyClose whether to stop with the legacy close (default {@code false})
     * @return this builder
     */
    public Builder legacyClose(boolean legacyClose) {
      this.legacyClose = legacyClose;
      return this;
    }

    /**
     * Sets {@value NotteSettings#LOST_CREATE}.
     *
     * @param lostCreate {@code stop} (default), {@code report} or {@code ignore}
     * @return this builder
     */
    public Builder lostCreate(String lostCreate) {
      this.lostCreate = lostCreate;
      return this;
    }

    /**
     * Sets {@value NotteSettings#LOST_CREATE_WAIT}.
     *
     * @param wait how long to look (default 5 s)
     * @return this builder
     */
    public Builder lostCreateWait(Duration wait) {
      this.lostCreateWait = wait;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws ProviderConfigurationException naming the key of an invalid value
     */
    public NotteSettings build() {
      return new NotteSettings(apiKey, baseUrl, stopConfirmTimeout, stopPollInterval, pageSize,
          legacyClose, lostCreate, lostCreateWait);
    }
  }
}
