package dev.browsersessions.notte.internal;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.http.Sleeper;
import dev.browsersessions.http.VendorHttp;
import dev.browsersessions.notte.NotteSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link NotteProvider}s on the shared HTTP plumbing of provider-http. Sends nothing: a
 * provider's build starts one short-lived daemon thread that prepares what its first call needs
 * (the shared HTTP client, the JSON mapper and readers, the endpoints; {@code VendorHttp.warmUp})
 * and holds nothing afterwards. The provider takes the shared HTTP client on its first call and
 * gives it back in {@code close()}.
 */
public final class NotteProviders {

  private NotteProviders() {}

  /**
   * Builds a provider from configuration, on the system clock.
   *
   * @param config the configuration
   * @return the provider
   * @throws dev.browsersessions.ProviderConfigurationException naming the key of a missing or
   *     invalid value
   */
  public static NotteProvider create(ProviderConfig config) {
    return create(config, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /**
   * Builds a provider whose waits run on a given clock and sleeper (tests pass a {@code
   * MutableClock} and a sleeper that advances it).
   *
   * @param config the configuration
   * @param clock the clock
   * @param sleeper waits between polls
   * @return the provider
   */
  public static NotteProvider create(ProviderConfig config, Clock clock, Sleeper sleeper) {
    ProviderConfig c = NotteSettings.withVendorVariables(config);
    return create(NotteSettings.from(c), HttpSettings.from(c), clock, sleeper);
  }

  /**
   * Builds a provider from settings.
   *
   * @param settings the provider's settings
   * @param http the HTTP settings
   * @param clock the clock
   * @param sleeper waits between polls
   * @return the provider
   */
  public static NotteProvider create(NotteSettings settings, HttpSettings http, Clock clock,
      Sleeper sleeper) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    String name = NotteProvider.NAME;
    http.requireSafe(settings.baseUrl(), NotteSettings.BASE_URL, name);
    VendorHttp vendor = VendorHttp.builder(name, "Notte", http)
        .quirk(NotteQuirks::adjust)
        .redact(settings.apiKey())
        .build();
    NotteApi api = vendor.client(NotteApi.class, settings.baseUrl(),
        Map.of("Authorization", "Bearer " + settings.apiKey()));
    vendor.warmUp(); // the first call's HttpClient, mapper and readers, off the caller's thread
    return new NotteProvider(settings, new NotteClient(api, vendor.calls(), vendor::mapper),
        new ServerData(name, http.allowInsecure()),
        http.requestTimeout().plus(http.connectTimeout()), clock, sleeper);
  }
}
