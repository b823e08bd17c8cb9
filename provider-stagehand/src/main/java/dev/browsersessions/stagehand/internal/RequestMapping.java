package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.stagehand.StagehandSettings;
import dev.browsersessions.stagehand.internal.wire.BrowserSettings;
import dev.browsersessions.stagehand.internal.wire.CreateParams;
import dev.browsersessions.stagehand.internal.wire.ProxyConfig;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a {@link SessionRequest} into Stagehand's {@code POST /v1/sessions/start} body, checking
 * Browserbase's limits first so a request that cannot succeed fails before any call.
 */
public final class RequestMapping {

  /** Browserbase's shortest session timeout. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(60);
  /** Browserbase's longest session timeout (6 hours). */
  public static final Duration MAX_DURATION = Duration.ofSeconds(21_600);
  /**
   * Metadata key of the per-create tag that lets a create whose answer was lost find the session
   * it may have started, instead of starting (and billing) a second one.
   */
  public static final String REQUEST_TAG = "browser-sessions-request";

  /** Browserbase's limit for {@code userMetadata}: its JSON must be shorter than this. */
  public static final int MAX_METADATA_JSON = 512;

  private final Supplier<ObjectMapper> mapper;

  /**
   * Creates a mapping.
   *
   * @param mapper measures the metadata's JSON (asked for on first use)
   */
  public RequestMapping(Supplier<ObjectMapper> mapper) {
    this.mapper = mapper;
  }

  /**
   * Maps a request.
   *
   * @param request the caller's request, already checked against the capabilities
   * @param settings the provider's settings (model, owner id)
   * @param requestId the value of {@link #REQUEST_TAG}
   * @return the start body
   * @throws InvalidSessionRequestException naming the field and the limit, for a value Browserbase
   *     would refuse
   */
  public StartRequest toStart(
      SessionRequest request, StagehandSettings settings, String requestId) {
    ProviderOptions options = ProviderOptions.parse(request.providerOptions());
    Integer timeout = request.maxDuration().map(RequestMapping::timeoutSeconds).orElse(null);
    String region = request.region().map(Regions::requireKnown).orElse(null);
    BrowserSettings browser = new BrowserSettings(
        request.viewport().map(v -> new BrowserSettings.ViewportSize(v.width(), v.height()))
            .orElse(null),
        // Browserbase solves captchas and records by default; the request's false means off.
        request.solveCaptchas(),
        request.recordSession(),
        options.blockAds().orElse(null),
        options.advancedStealth().orElse(null),
        options.logSession().orElse(null),
        options.os().orElse(null),
        options.contextId()
            .map(id -> new BrowserSettings.BrowserContext(id, options.persistContext().orElse(null)))
            .orElse(null));
    CreateParams params = new CreateParams(
        region,
        timeout,
        request.keepAlive() ? Boolean.TRUE : null,
        request.proxy().map(RequestMapping::proxies).orElse(null),
        browser,
        userMetadata(request.metadata(), settings.ownerId(), requestId),
        options.extensionId().orElse(null));
    return new StartRequest(
        options.modelName().orElse(settings.modelName()),
        params,
        options.systemPrompt().orElse(null),
        options.verbose().orElse(null),
        options.domSettleTimeoutMs().orElse(null),
        options.selfHeal().orElse(null));
  }

  /**
   * Browserbase's {@code timeout} for a maximum duration: whole seconds, rounded up.
   *
   * @param maxDuration the requested maximum duration
   * @return seconds between 60 and 21600
   * @throws InvalidSessionRequestException naming {@code maxDuration} and the limits
   */
  public static int timeoutSeconds(Duration maxDuration) {
    long seconds = maxDuration.getSeconds() + (maxDuration.getNano() > 0 ? 1 : 0);
    if (seconds < MIN_DURATION.getSeconds() || seconds > MAX_DURATION.getSeconds()) {
      throw new InvalidSessionRequestException(
          "maxDuration",
          "maxDuration for provider 'stagehand' must be between 60 seconds and 21600 seconds"
              + " (6 hours), Browserbase's session timeout limits; got " + maxDuration);
    }
    return (int) seconds;
  }

  private static Object proxies(ProxySettings proxy) {
    if (proxy instanceof ProxySettings.Managed managed) {
      if (managed.country().isEmpty()) {
        return Boolean.TRUE;
      }
      return List.of(new ProxyConfig(
          "browserbase", null, null, null,
          new ProxyConfig.Geolocation(managed.country().get().toUpperCase(Locale.ROOT))));
    }
    ProxySettings.External external = (ProxySettings.External) proxy;
    return List.of(new ProxyConfig(
        "external", external.server(), external.username().orElse(null),
        external.password().orElse(null), null));
  }

  private Map<String, Object> userMetadata(
      Map<String, String> metadata, String ownerId, String requestId) {
    Map<String, Object> out = new LinkedHashMap<>(metadata);
    out.putIfAbsent(BrowserSessions.OWNER_TAG, ownerId);
    out.put(REQUEST_TAG, requestId);
    String json;
    try {
      json = mapper.get().writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new InvalidSessionRequestException("metadata", "metadata cannot be written as JSON");
    }
    if (json.length() >= MAX_METADATA_JSON) {
      throw new InvalidSessionRequestException(
          "metadata",
          "metadata for provider 'stagehand' must be shorter than " + MAX_METADATA_JSON
              + " characters as JSON (Browserbase's userMetadata limit, including the "
              + BrowserSessions.OWNER_TAG + " and " + REQUEST_TAG + " tags); got "
              + json.length());
    }
    return out;
  }

  /**
   * The region a request asks for, in Browserbase's spelling.
   *
   * @param request the request
   * @return the region, when set
   */
  public static Optional<String> region(SessionRequest request) {
    return request.region().map(Regions::requireKnown);
  }
}
