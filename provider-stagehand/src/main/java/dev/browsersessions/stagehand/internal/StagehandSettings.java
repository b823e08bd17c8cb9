package dev.browsersessions.stagehand.internal;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.stagehand.StagehandProviderFactory;
import java.net.URI;
import dev.browsersessions.http.LostCreateSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code stagehand} provider's own settings, read once from its {@link ProviderConfig}. The
 * HTTP settings (timeouts, retries) are read by the shared HTTP client. {@link #toString()} never
 * shows a key.
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
 *     about it ({@code lost-create}, {@code lost-create-wait}; provider-http's README)
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
    LostCreateSettings lostCreate) {

  /** Config key of the Browserbase API key. */
  public static final String API_KEY = StagehandProviderFactory.API_KEY;
  /** Config key of the model API key. */
  public static final String MODEL_API_KEY = StagehandProviderFactory.MODEL_API_KEY;
  /** Config key of the model name. */
  public static final String MODEL_NAME = StagehandProviderFactory.MODEL_NAME;
  /** Config key of the Stagehand API host. */
  public static final String STAGEHAND_URL = StagehandProviderFactory.STAGEHAND_URL;
  /**
   * Prefix of the per-region Stagehand host keys, e.g. {@code stagehand-url.eu-central-1}.
   */
  public static final String STAGEHAND_URL_REGION_PREFIX = STAGEHAND_URL + ".";
  /** Config key of the Browserbase API host. */
  public static final String BROWSERBASE_URL = StagehandProviderFactory.BROWSERBASE_URL;
  /** Config key of the stop-confirmation deadline. */
  public static final String STOP_TIMEOUT = StagehandProviderFactory.STOP_TIMEOUT;
  /** Config key of the interval between status reads while stopping. */
  public static final String STOP_POLL_INTERVAL = StagehandProviderFactory.STOP_POLL_INTERVAL;
  /** Config key of the owner id. */
  public static final String OWNER_ID = StagehandProviderFactory.OWNER_ID;
  /** Config key that turns live-view lookups on or off. */
  public static final String LIVE_VIEW = StagehandProviderFactory.LIVE_VIEW;

  /** The model used when {@code model-name} is not set. */
  public static final String DEFAULT_MODEL = "openai/gpt-5.4-mini";
  /** Browserbase's API. */
  public static final URI DEFAULT_BROWSERBASE_URL = URI.create("https://api.browserbase.com");
  /** Default stop-confirmation deadline. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
  /** Default interval between status reads while stopping. */
  public static final Duration DEFAULT_STOP_POLL_INTERVAL = Duration.ofMillis(500);

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
   * @param config the configuration, with vendor variables attached
   * @param provider the provider's name, for messages
   * @return the settings
   * @throws ProviderConfigurationException naming the key, for a missing key or a bad value
   */
  public static StagehandSettings from(ProviderConfig config, String provider) {
    String apiKey = config.requireString(API_KEY);
    String model = config.getString(MODEL_NAME, DEFAULT_MODEL).trim();
    Duration stopTimeout = config.getDuration(STOP_TIMEOUT, DEFAULT_STOP_TIMEOUT);
    Duration poll = config.getDuration(STOP_POLL_INTERVAL, DEFAULT_STOP_POLL_INTERVAL);
    if (stopTimeout.isZero()) {
      throw new ProviderConfigurationException(
          "Configuration '" + STOP_TIMEOUT + "' for provider '" + provider
              + "' must be a positive duration such as 30s",
          provider, STOP_TIMEOUT);
    }
    return new StagehandSettings(
        apiKey,
        config.getString(MODEL_API_KEY).map(String::trim),
        model,
        config.getUri(STAGEHAND_URL).map(StagehandSettings::withoutV1),
        regionalUrls(config),
        withoutV1(config.getUri(BROWSERBASE_URL, DEFAULT_BROWSERBASE_URL)),
        stopTimeout,
        poll,
        config.getString(OWNER_ID).map(String::trim).orElse(java.util.UUID.randomUUID().toString()),
        config.getBoolean(LIVE_VIEW, true),
        LostCreateSettings.from(config, provider));
  }

  /** Compact form: copies the regional hosts. */
  public StagehandSettings {
    regionalUrls = java.util.Map.copyOf(regionalUrls);
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

  private static java.util.Map<String, URI> regionalUrls(ProviderConfig config) {
    java.util.Map<String, URI> out = new java.util.LinkedHashMap<>();
    for (String region : Regions.ALL) {
      config.getUri(STAGEHAND_URL + "." + region).ifPresent(u -> out.put(region, withoutV1(u)));
    }
    return out;
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
        + liveView + ", lostCreate=" + lostCreate + "]";
  }
}
