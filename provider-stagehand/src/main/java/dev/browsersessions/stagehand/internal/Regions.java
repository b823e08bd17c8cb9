package dev.browsersessions.stagehand.internal;

import dev.browsersessions.InvalidSessionRequestException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Browserbase's regions and the Stagehand API host that serves each (the table of the official
 * TypeScript client, {@code REGION_API_URLS}). A session must be started and ended on the host of
 * its region; no region means {@value #DEFAULT}.
 */
public final class Regions {

  /** The region Browserbase uses when none is given. */
  public static final String DEFAULT = "us-west-2";

  private static final Map<String, URI> HOSTS = new LinkedHashMap<>();

  static {
    HOSTS.put("us-west-2", URI.create("https://api.stagehand.browserbase.com"));
    HOSTS.put("us-east-1", URI.create("https://api.use1.stagehand.browserbase.com"));
    HOSTS.put("eu-central-1", URI.create("https://api.euc1.stagehand.browserbase.com"));
    HOSTS.put("ap-southeast-1", URI.create("https://api.apse1.stagehand.browserbase.com"));
  }

  /** Every Browserbase region, default first. */
  public static final java.util.List<String> ALL = java.util.List.copyOf(HOSTS.keySet());

  private Regions() {}

  /**
   * Checks a requested region against Browserbase's regions.
   *
   * @param region the request's region, e.g. {@code "EU-central-1"}
   * @return the region in Browserbase's spelling
   * @throws InvalidSessionRequestException naming the field {@code region} and the accepted values
   */
  public static String requireKnown(String region) {
    String r = region.trim().toLowerCase(Locale.ROOT);
    if (!HOSTS.containsKey(r)) {
      throw new InvalidSessionRequestException(
          "region",
          "region must be one of the Browserbase regions " + String.join(", ", HOSTS.keySet())
              + "; got \"" + region + "\"");
    }
    return r;
  }

  /**
   * The Stagehand API host for a region.
   *
   * @param region a Browserbase region, or empty for the default
   * @return the host's base URL (without {@code /v1}); the default host for an unknown region
   */
  public static URI stagehandHost(Optional<String> region) {
    return HOSTS.getOrDefault(
        region.map(r -> r.toLowerCase(Locale.ROOT)).orElse(DEFAULT), HOSTS.get(DEFAULT));
  }
}
