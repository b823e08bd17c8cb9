package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.http.HttpFailure;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.http.VendorHttp;
import dev.browsersessions.stagehand.StagehandSettings;
import dev.browsersessions.stagehand.internal.http.BrowserbaseClient;
import dev.browsersessions.stagehand.internal.http.EventStreamDecoder;
import dev.browsersessions.stagehand.internal.http.HttpBrowserbaseApi;
import dev.browsersessions.stagehand.internal.http.HttpStagehandApi;
import dev.browsersessions.stagehand.internal.http.StagehandClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds {@link StagehandProvider}s from configuration on the shared HTTP plumbing of {@code
 * browser-sessions-provider-http}. Sends nothing: a provider's build starts one short-lived daemon
 * thread that prepares what its first calls to Stagehand and Browserbase need (the shared HTTP
 * client, the JSON mapper and readers, the endpoints; {@code VendorHttp.warmUp}) and holds nothing
 * afterwards. The provider takes the shared HTTP client on its first call and gives it back in
 * {@code close()}.
 */
public final class StagehandProviders {

  private StagehandProviders() {}

  /**
   * Builds a provider with the system clock.
   *
   * @param config the bound configuration
   * @return the provider
   */
  public static StagehandProvider create(ProviderConfig config) {
    return create(config, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /**
   * Builds a provider whose stop deadline runs on the given clock and sleeper.
   *
   * @param config the bound configuration
   * @param clock the clock
   * @param sleeper waits between status reads while stopping
   * @return the provider
   */
  public static StagehandProvider create(ProviderConfig config, Clock clock, Sleeper sleeper) {
    String name = StagehandProvider.NAME;
    ProviderConfig c = StagehandSettings.withVendorVariables(config.provider().isPresent() ? config
        : config.forProvider(name));
    HttpSettings http = HttpSettings.from(c);
    StagehandSettings settings = StagehandSettings.from(c);
    settings.stagehandUrl().ifPresent(u -> http.requireSafe(u, StagehandSettings.STAGEHAND_URL, name));
    settings.regionalUrls().forEach((region, u) ->
        http.requireSafe(u, StagehandSettings.STAGEHAND_URL_REGION_PREFIX + region, name));
    http.requireSafe(settings.browserbaseUrl(), StagehandSettings.BROWSERBASE_URL, name);
    // One mapper for both hosts, built on first use: building one costs ~0.2 s in a cold JVM.
    Supplier<ObjectMapper> mapper = VendorHttp.lazyMapper();
    VendorHttp stagehandHttp = VendorHttp.builder(name, "Stagehand", http)
        .mapper(mapper)
        .decoder(json -> new EventStreamDecoder(json, mapper, name))
        .redact(settings.apiKey())
        .redact(settings.modelApiKey().orElse(null))
        .build();
    VendorHttp browserbaseHttp = VendorHttp.builder(name, "Browserbase", http)
        .mapper(mapper)
        .quirk(StagehandProviders::concurrencyLimit)
        .redact(settings.apiKey())
        .redact(settings.modelApiKey().orElse(null))
        .build();
    StagehandClient stagehand = stagehandHttp.client(
        StagehandClient.class,
        settings.stagehandHost(Optional.empty()),
        stagehandHeaders(settings));
    BrowserbaseClient browserbase = browserbaseHttp.client(
        BrowserbaseClient.class,
        settings.browserbaseUrl(),
        Map.of("X-BB-API-Key", settings.apiKey()));
    // the first call's HttpClient, mapper and readers, off the caller's thread: one warm-up
    VendorHttp.warmUp(List.of(stagehandHttp, browserbaseHttp));
    return new StagehandProvider(
        settings,
        new HttpStagehandApi(stagehand, stagehandHttp.calls()),
        new HttpBrowserbaseApi(browserbase, browserbaseHttp.calls()),
        new ServerData(name, http.allowInsecure()),
        mapper,
        clock,
        sleeper,
        http.requestTimeout().plus(http.connectTimeout()));
  }

  /** The credentials every Stagehand call carries. */
  private static Map<String, String> stagehandHeaders(StagehandSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-bb-api-key", settings.apiKey());
    settings.modelApiKey().ifPresent(k -> headers.put("x-model-api-key", k));
    return headers;
  }

  /** Browserbase's "max concurrent sessions" 429 says what to do about it. */
  static BrowserSessionException concurrencyLimit(
      HttpFailure failure, BrowserSessionException mapped) {
    if (mapped instanceof RateLimitedException r
        && failure.said().toLowerCase(Locale.ROOT).contains("concurrent")) {
      return new RateLimitedException(
          r.getMessage() + " (Browserbase's max concurrent sessions limit is reached: stop"
              + " sessions, e.g. orphans found with list(), or raise the plan's limit)",
          r.provider().orElse(StagehandProvider.NAME), failure.status(),
          r.retryAfter().orElse(null));
    }
    return mapped;
  }
}
