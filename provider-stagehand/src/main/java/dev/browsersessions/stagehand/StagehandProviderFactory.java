package dev.browsersessions.stagehand;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import dev.browsersessions.stagehand.internal.StagehandProviders;

/**
 * The {@code stagehand} provider's factory, found by {@link java.util.ServiceLoader}: sessions on
 * Browserbase started and ended through the Stagehand v3 REST API. Users select it with {@code
 * BrowserSessions.create("stagehand")} rather than calling it.
 *
 * <p>Configuration keys (each also {@code -Dbrowsersessions.stagehand.<key>} and {@code
 * BROWSERSESSIONS_STAGEHAND_<KEY>}):
 *
 * <ul>
 *   <li>{@value #API_KEY} (required; also {@code BROWSERBASE_API_KEY});
 *   <li>{@value #MODEL_API_KEY} (also {@code MODEL_API_KEY}), sent as {@code x-model-api-key} only
 *       when set;
 *   <li>{@value #MODEL_NAME} (default {@code openai/gpt-5.4-mini});
 *   <li>{@value #STAGEHAND_URL} (also {@code STAGEHAND_API_URL}; default: the Stagehand host of
 *       the session's region) and {@code stagehand-url.<region>};
 *   <li>{@value #BROWSERBASE_URL} (also {@code BROWSERBASE_BASE_URL}; default {@code
 *       https://api.browserbase.com});
 *   <li>{@value #STOP_TIMEOUT} (default 30 s) and {@value #STOP_POLL_INTERVAL} (default 500 ms);
 *   <li>{@code lost-create} (default {@code stop}) and {@code lost-create-wait} (default 5 s):
 *       what a start that failed after Stagehand may have started a session does about it (the
 *       one behaviour of provider-http's lost-create reconciler);
 *   <li>{@value #OWNER_ID}, {@value #LIVE_VIEW}, and the HTTP timeout and retry keys of {@code
 *       browser-sessions-provider-http}.
 * </ul>
 */
public final class StagehandProviderFactory implements BrowserSessionProviderFactory {

  /** The provider's name. */
  public static final String NAME = "stagehand";
  /** Browserbase API key. */
  public static final String API_KEY = "api-key";
  /** The model provider's API key. */
  public static final String MODEL_API_KEY = "model-api-key";
  /** The model Stagehand uses. */
  public static final String MODEL_NAME = "model-name";
  /** A fixed Stagehand API host. */
  public static final String STAGEHAND_URL = "stagehand-url";
  /** The Browserbase API. */
  public static final String BROWSERBASE_URL = "browserbase-url";
  /** How long stop waits for Browserbase to confirm. */
  public static final String STOP_TIMEOUT = "stop-timeout";
  /** How often stop reads the status meanwhile. */
  public static final String STOP_POLL_INTERVAL = "stop-poll-interval";
  /** The owner tag's value for sessions whose metadata has none. */
  public static final String OWNER_ID = "owner-id";
  /** Whether to read live-view URLs. */
  public static final String LIVE_VIEW = "live-view";

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public StagehandProviderFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Builds the provider. Does no I/O.
   *
   * @param config the configuration
   * @return the provider
   * @throws dev.browsersessions.ProviderConfigurationException when {@value #API_KEY} is missing or
   *     a setting is malformed, naming the key
   */
  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    ProviderConfig bound = config.provider().isPresent() ? config : config.forProvider(NAME);
    return StagehandProviders.create(bound);
  }
}
