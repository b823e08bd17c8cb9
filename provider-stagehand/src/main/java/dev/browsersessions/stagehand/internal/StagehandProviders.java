package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.stagehand.internal.http.BrowserbaseClient;
import dev.browsersessions.stagehand.internal.http.FeignPlumbing;
import dev.browsersessions.stagehand.internal.http.HttpBrowserbaseApi;
import dev.browsersessions.stagehand.internal.http.HttpStagehandApi;
import dev.browsersessions.stagehand.internal.http.StagehandClient;
import java.time.Clock;

/** Builds {@link StagehandProvider}s from configuration. No I/O. */
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
    ProviderConfig c = StagehandSettings.withVendorVariables(config);
    StagehandSettings settings = StagehandSettings.from(c, StagehandProvider.NAME);
    ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    FeignPlumbing stagehandHttp = new FeignPlumbing(c, StagehandProvider.NAME, "Stagehand", mapper);
    FeignPlumbing browserbaseHttp =
        new FeignPlumbing(c, StagehandProvider.NAME, "Browserbase", mapper);
    StagehandClient stagehand = stagehandHttp.client(
        StagehandClient.class,
        settings.stagehandHost(java.util.Optional.empty()).toString(),
        t -> {
          t.header("x-bb-api-key", settings.apiKey());
          settings.modelApiKey().ifPresent(k -> t.header("x-model-api-key", k));
        });
    BrowserbaseClient browserbase = browserbaseHttp.client(
        BrowserbaseClient.class,
        settings.browserbaseUrl().toString(),
        t -> t.header("X-BB-API-Key", settings.apiKey()));
    return new StagehandProvider(
        settings,
        new HttpStagehandApi(stagehand, stagehandHttp.calls()),
        new HttpBrowserbaseApi(browserbase, browserbaseHttp.calls()),
        mapper,
        clock,
        sleeper);
  }
}
