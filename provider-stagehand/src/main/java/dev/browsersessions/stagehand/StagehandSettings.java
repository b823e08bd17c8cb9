package dev.browsersessions.stagehand;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.http.LostCreateSettings;
import dev.browsersessions.http.SettingsChecks;
import dev.browsersessions.stagehand.internal.Regions;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stagehand} provider's own settings, every key once, typed and checked when built:
 * read from a {@link ProviderConfig} by {@link #from} (what {@link StagehandProviderFactory} does)
 * or built with {@link #builder}. The HTTP keys (timeouts, retries) are provider-http's and are
 * read from the {@code ProviderConfig}. {@link #toString()} never shows a key.
 *
 * @param apiKey the Browserbase API key ({@code api-key})
 * @param modelApiKey the model provider's key ({@code model-api-key}), sent only when set
 * @param modelName the model Stagehand uses ({@code model-name})
 * @param stagehandUrl a fixed Stagehand API host ({@code stagehand-url}); empty: the host of the
 *     session's region
 * @param regionalUrls per-region Stagehand hosts ({@code stagehand-url.<region>}) replacing the
 *     built-in table's
 * @param browserbaseUrl the Browserbase API ({@code browserbase-url})
 * @param stopTimeout how long {@code stop} waits for Browserbase to confirm ({@code stop-timeout})
 * @param stopPollInterval how often {@code stop} reads the status meanwhile ({@code
 *     stop-poll-interval})
 * @param ownerId the owner tag added to sessions whose metadata has none ({@code owner-id})
 * @param liveView whether to read the live-view URL of running sessions ({@code live-view})
 * @param lostCreate what a start that failed after Stagehand may have started a session does
 *     about it ({@code lost-create}: {@code stop}, {@code report} or {@code ignore})
 * @param lostCreateWait how long a start without an answer looks for its session ({@code
 *     lost-create-wait})
 */
public record StagehandSettings(
    String apiKey,
    Optional<String> modelApiKey,
    String modelName,
    Optional<URI> stagehandUrl,
    java.util.Map<String, URI> regionalUrls,
    URI browserbaseUrl,
    Duration stopTimeout,
    Duration stopPollInterval,
    String ownerId,
    boolean liveView,
    String lostCreate,
    Duration lostCreateWait) {

  /** The provider's name. */
  public static final String PROVIDER_NAME = "stagehand";

  /** Config key of the Browserbase API key (also {@code BROWSERBASE_API_KEY}). */
  public static final String API_KEY = "api-key";
  /** Config key of the model API key (also {@code MODEL_API_KEY}). */
  public static final String MODEL_API_KEY = "model-api-key";
  /** Config key of the model name. */
  public static final String MODEL_NAME = "model-name";
  /** Config key of the Stagehand API host (also {@code STAGEHAND_API_URL}). */
  public static final String STAGEHAND_URL = "stagehand-url";
  /**
   * Prefix of the per-region Stagehand host keys, e.g. {@code stagehand-url.eu-central-1}.
   */
  public static final String STAGEHAND_URL_REGION_PREFIX = STAGEHAND_URL + ".";
  /** Config key of the Browserbase API host (also {@code BROWSERBASE_BASE_URL}). */
  public static final String BROWSERBASE_URL = "browserbase-url";
  /** Config key of the stop-confirmation deadline. */
  public static final String STOP_TIMEOUT = "stop-timeout";
  /** Config key of the interval between status reads while stopping. */
  public static final String STOP_POLL_INTERVAL = "stop-poll-interval";
  /** Config key of the owner id. */
  public static final String OWNER_ID = "owner-id";
  /** Config key that turns live-view lookups on or off. */
  public static final String LIVE_VIEW = "live-view";
  /** Config key of what a start that failed after Stagehand may have started a session does. */
  public static final String LOST_CREATE = "lost-create";
  /** Config key of how long a start without an answer looks for its session. */
  public static final String LOST_CREATE_WAIT = "lost-create-wait";

  /** The model used when {@code model-name} is not set. */
  public static final String DEFAULT_MODEL = "openai/gpt-5.4-mini";
  /** Browserbase's API. */
  public static final URI DEFAULT_BROWSERBASE_URL = URI.create("https://api.browserbase.com");
  /** Default stop-confirmation deadline. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
  /** Default interval between status reads while stopping. */
  public static final Duration DEFAULT_STOP_POLL_INTERVAL = Duration.ofMillis(500);
  /** Default of {@code lost-create-wait}. */
  public static final Duration DEFAULT_LOST_CREATE_WAIT = Duration.ofSeconds(5);


  /**
   * The config with the vendor's own environment variables attached: {@code BROWSERBASE_API_KEY},
   * {@code MODEL_API_KEY}, {@code STAGEHAND_API_URL} (legacy {@code STAGEHAND_BASE_URL}) and
   * {@code BROWSERBASE_BASE_URL}.
   *
   * @param config the bound configuration
   * @return the configuration with vendor variables
   */
  public static ProviderConfig withVendorVariables(ProviderConfig config) {
    return config
        .withVendorVariable(API_KEY, "BROWSERBASE_API_KEY")
        .withVendorVariable(MODEL_API_KEY, "MODEL_API_KEY")
        .withVendorVariable(STAGEHAND_URL, "STAGEHAND_API_URL")
        .withVendorVariable(STAGEHAND_URL, "STAGEHAND_BASE_URL")
        .withVendorVariable(BROWSERBASE_URL, "BROWSERBASE_BASE_URL");
  }

  /**
   * Reads the settings.
   *
   * @param config the configuration (bound to {@code stagehand} or not)
   * @return the settings
   * @throws ProviderConfigurationException naming the key, for a missing key or a bad value
   */
  public static StagehandSettings from(ProviderConfig config) {
    ProviderConfig c = withVendorVariables(config.provider().isPresent() ? config
        : config.forProvider(PROVIDER_NAME));
    Builder b = builder(c.requireString(API_KEY))
        .modelName(c.getString(MODEL_NAME, DEFAULT_MODEL).trim())
        .browserbaseUrl(c.getUri(BROWSERBASE_URL, DEFAULT_BROWSERBASE_URL))
        .stopTimeout(c.getDuration(STOP_TIMEOUT, DEFAULT_STOP_TIMEOUT))
        .stopPollInterval(c.getDuration(STOP_POLL_INTERVAL, DEFAULT_STOP_POLL_INTERVAL))
        .liveView(c.getBoolean(LIVE_VIEW, true))
        .lostCreate(c.getString(LOST_CREATE, "stop"))
        .lostCreateWait(c.getDuration(LOST_CREATE_WAIT, DEFAULT_LOST_CREATE_WAIT));
    c.getString(MODEL_API_KEY).map(String::trim).ifPresent(b::modelApiKey);
    c.getUri(STAGEHAND_URL).ifPresent(b::stagehandUrl);
    c.getString(OWNER_ID).map(String::trim).ifPresent(b::ownerId);
    for (String region : Regions.ALL) {
      c.getUri(STAGEHAND_URL_REGION_PREFIX + region).ifPresent(u -> b.stagehandUrl(region, u));
    }
    return b.build();
  }

  /**
   * Starts settings with the defaults.
   *
   * @param apiKey the Browserbase API key
   * @return a builder
   */
  public static Builder builder(String apiKey) {
    return new Builder(apiKey);
  }

  /**
   * Checks the values (every URL a plain base URL: a host, no user-info, query or fragment);
   * copies the regional hosts; drops a trailing {@code /v1} from the URLs.
   *
   * @param apiKey the Browserbase API key ({@code api-key})
   * @param modelApiKey the model provider's key ({@code model-api-key}), sent only when set
   * @param modelName the model Stagehand uses ({@code model-name})
   * @param stagehandUrl a fixed Stagehand API host ({@code stagehand-url}); empty: the host of the
   *     session's region
   * @param regionalUrls per-region Stagehand hosts ({@code stagehand-url.<region>}) replacing the
   *     built-in table's
   * @param browserbaseUrl the Browserbase API ({@code browserbase-url})
   * @param stopTimeout how long {@code stop} waits for Browserbase to confirm ({@code stop-timeout})
   * @param stopPollInterval how often {@code stop} reads the status meanwhile ({@code
   *     stop-poll-interval})
   * @param ownerId the owner tag added to sessions whose metadata has none ({@code owner-id})
   * @param liveView whether to read the live-view URL of running sessions ({@code live-view})
   * @param lostCreate what a start that failed after Stagehand may have started a session does
   *     about it ({@code lost-create}: {@code stop}, {@code report} or {@code ignore})
   * @param lostCreateWait how long a start without an answer looks for its session ({@code
   *     lost-create-wait})
   * @throws ProviderConfigurationException naming the key of a missing or invalid value
   */
  public StagehandSettings {
    SettingsChecks.requireSet(PROVIDER_NAME, API_KEY, apiKey, "BROWSERBASE_API_KEY");
    Objects.requireNonNull(modelApiKey, MODEL_API_KEY);
    Objects.requireNonNull(modelName, MODEL_NAME);
    stagehandUrl = Objects.requireNonNull(stagehandUrl, STAGEHAND_URL).map(u -> withoutV1(
        SettingsChecks.requireBaseUrl(PROVIDER_NAME, STAGEHAND_URL, u)));
    java.util.Map<String, URI> regional = new java.util.LinkedHashMap<>();
    regionalUrls.forEach((region, u) -> regional.put(region, withoutV1(SettingsChecks
        .requireBaseUrl(PROVIDER_NAME, STAGEHAND_URL_REGION_PREFIX + region, u))));
    regionalUrls = java.util.Map.copyOf(regional);
    browserbaseUrl = withoutV1(
        SettingsChecks.requireBaseUrl(PROVIDER_NAME, BROWSERBASE_URL, browserbaseUrl));
    SettingsChecks.requirePositive(PROVIDER_NAME, STOP_TIMEOUT, stopTimeout);
    SettingsChecks.requirePositive(PROVIDER_NAME, STOP_POLL_INTERVAL, stopPollInterval);
    Objects.requireNonNull(ownerId, OWNER_ID);
    lostCreate = LostCreateSettings.of(PROVIDER_NAME, lostCreate, lostCreateWait).policy().value();
  }

  /**
   * The Stagehand host for a session's region: {@code stagehand-url} when set, else {@code
   * stagehand-url.<region>}, else the built-in regional table.
   *
   * @param region the session's region, empty for the default
   * @return the host's base URL
   */
  public URI stagehandHost(Optional<String> region) {
    if (stagehandUrl.isPresent()) {
      return stagehandUrl.get();
    }
    URI configured = regionalUrls.get(region.orElse(Regions.DEFAULT));
    return configured != null ? configured : Regions.stagehandHost(region);
  }

  /** A base URL without a trailing {@code /} or {@code /v1}: paths add {@code /v1/...}. */
  static URI withoutV1(URI uri) {
    String s = uri.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("/v1")) {
      s = s.substring(0, s.length() - 3);
    }
    return URI.create(s);
  }

  @Override
  public String toString() {
    return "StagehandSettings[apiKey=****, modelApiKey=" + (modelApiKey.isPresent() ? "****" : "")
        + ", modelName=" + modelName + ", stagehandUrl=" + stagehandUrl.map(URI::toString)
            .orElse("(regional)")
        + ", browserbaseUrl=" + browserbaseUrl + ", stopTimeout=" + stopTimeout
        + ", stopPollInterval=" + stopPollInterval + ", ownerId=" + ownerId + ", liveView="
        + liveView + ", lostCreate=" + lostCreate + ", lostCreateWait=" + lostCreateWait + "]";
  }

  /** Builds {@link StagehandSettings}; every value but the API key has a default. */
  public static final class Builder {
    private final String apiKey;
    private Optional<String> modelApiKey = Optional.empty();
    private String modelName = DEFAULT_MODEL;
    private Optional<URI> stagehandUrl = Optional.empty();
    private final java.util.Map<String, URI> regionalUrls = new java.util.LinkedHashMap<>();
    private URI browserbaseUrl = DEFAULT_BROWSERBASE_URL;
    private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
    private Duration stopPollInterval = DEFAULT_STOP_POLL_INTERVAL;
    private String ownerId = java.util.UUID.randomUUID().toString();
    private boolean liveView = true;
    private String lostCreate = "stop";
    private Duration lostCreateWait = DEFAULT_LOST_CREATE_WAIT;

    private Builder(String apiKey) {
      this.apiKey = apiKey;
    }

    /**
     * Sets {@value StagehandSettings#MODEL_API_KEY}.
     *
     * @param key the model provider's key, sent as {@code x-model-api-key}
     * @return this builder
     */
    public Builder modelApiKey(String key) {
      this.modelApiKey = Optional.of(key);
      return this;
    }

    /**
     * Sets {@value StagehandSettings#MODEL_NAME}.
     *
     * @param name the model (default {@value StagehandSettings#DEFAULT_MODEL})
     * @return this builder
     */
    public Builder modelName(String name) {
      this.modelName = name;
      return this;
    }

    /**
     * Sets {@value StagehandSettings#STAGEHAND_URL}: one Stagehand host for every region.
     *
     * @param url the host
     * @return this builder
     */
    public Builder stagehandUrl(URI url) {
      this.stagehandUrl = Optional.of(url);
      return this;
    }

    /**
     * Sets {@code stagehand-url.<region>}: the Stagehand host of one region.
     *
     * @param region the region
     * @param url the host
     * @return this builder
     */
    public Builder stagehandUrl(String region, URI url) {
      this.regionalUrls.put(region, url);
      return this;
    }

    /**
     * Sets {@value StagehandSettings#BROWSERBASE_URL}.
     *
     * @param url the Browserbase API
     * @return this builder
     */
    public Builder browserbaseUrl(URI url) {
      this.browserbaseUrl = url;
      return this;
    }

    /**
     * Sets {@value StagehandSettings#STOP_TIMEOUT}.
     *
     * @param timeout the stop-confirmation deadline (default 30 s)
     * @return this builder
     */
    public Builder stopTimeout(Duration timeout) {
      this.stopTimeout = timeout;
      return this;
    }

    /**
     * Sets {@value StagehandSettings#STOP_POLL_INTERVAL}.
     *
     * @param interval the interval (default 500 ms)
     * @return this builder
     */
    public Builder stopPollInterval(Duration interval) {
      this.stopPollInterval = interval;
      return this;
    }

    /**
     * Sets {@value StagehandSettings#OWNER_ID}.
     *
     * @param ownerId the owner tag (default a random UUID)
     * @return this builder
     */
    public Builder ownerId(String ownerId) {
      this.ownerId = ownerId;
      return this;
    }

    /**
     * Sets {@value StagehandSettings#LIVE_VIEW}.
     *
     * @param liveView whether to read live-view URLs (default {@code true})
     * @return this builder
     */
    public Builder liveView(boolean liveView) {
      this.liveView = liveView;
      return this;
    }

    /**
     * Sets {@value StagehandSettings#LOST_CREATE}.
     *
     * @param lostCreate {@code stop} (default), {@code report} or {@code ignore}
     * @return this builder
     */
    public Builder lostCreate(String lostCreate) {
      this.lostCreate = lostCreate;
      return this;
    }

    /**
     * Sets {@value StagehandSettings#LOST_CREATE_WAIT}.
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
    public StagehandSettings build() {
      return new StagehandSettings(apiKey, modelApiKey, modelName, stagehandUrl, regionalUrls,
          browserbaseUrl, stopTimeout, stopPollInterval, ownerId, liveView, lostCreate,
          lostCreateWait);
    }
  }
}
