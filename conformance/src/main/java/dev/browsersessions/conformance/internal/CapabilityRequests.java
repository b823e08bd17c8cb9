package dev.browsersessions.conformance.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import java.time.Duration;
import java.util.Map;

/**
 * The kit's requests for the capability rules. Which capabilities are request options, and when
 * a request uses one, is {@link Capability}'s knowledge ({@link Capability#isRequestOption()},
 * {@link Capability#isUsedBy(SessionRequest)}); this class only picks the values.
 */
public final class CapabilityRequests {

  /** The metadata key the kit's requests carry. */
  public static final String METADATA_KEY = "browser-sessions-conformance";

  /** Three metadata tags: the rules check more than one of everything. */
  public static final Map<String, String> TAGS =
      Map.of(METADATA_KEY, "true", "kit.Tag_2", "Value With Spaces", "kit-tag-3", "ÄÖ-ü");

  /** Every option at once, with the default values (an external proxy: one proxy per request). */
  private static final SessionRequest EVERY_OPTION =
      SessionRequest.builder()
          .idleTimeout(Duration.ofMinutes(5))
          .maxDuration(Duration.ofMinutes(10))
          .headless(true)
          .viewport(1280, 720)
          .userAgent("browser-sessions-conformance")
          .proxy(ProxySettings.external("http://127.0.0.1:3128"))
          .region("us-west-2")
          .solveCaptchas(true)
          .recordSession(true)
          .keepAlive(true)
          .metadata(TAGS)
          .build();

  private static final SessionRequest MANAGED_PROXY =
      SessionRequest.builder().proxy(ProxySettings.managed("us")).build();

  private CapabilityRequests() {}

  /**
   * A request that adds the default value of one option to a base request.
   *
   * @param capability a request option ({@link Capability#isRequestOption()})
   * @param base the request to start from
   * @return the request
   * @throws IllegalArgumentException if the capability is not a request option
   */
  public static SessionRequest using(Capability capability, SessionRequest base) {
    return copy(capability, capability == Capability.MANAGED_PROXY ? MANAGED_PROXY : EVERY_OPTION,
        base);
  }

  /**
   * Copies the value of one option from one request onto another; metadata is merged.
   *
   * @param capability a request option ({@link Capability#isRequestOption()})
   * @param from the request holding the value
   * @param onto the request to add it to
   * @return {@code onto} with the option set
   * @throws IllegalArgumentException if the capability is not a request option, or {@code from}
   *     does not use it
   */
  public static SessionRequest copy(Capability capability, SessionRequest from,
      SessionRequest onto) {
    if (!capability.isRequestOption()) {
      throw new IllegalArgumentException(capability + " is not a request option; request options"
          + " are " + Capability.requestOptions());
    }
    if (!capability.isUsedBy(from)) {
      throw new IllegalArgumentException("the request to copy " + capability + " from does not"
          + " use it; check requestUsing(" + capability + ")");
    }
    SessionRequest.Builder b = onto.toBuilder();
    switch (capability) {
      case IDLE_TIMEOUT -> b.idleTimeout(from.idleTimeout().orElseThrow());
      case MAX_DURATION -> b.maxDuration(from.maxDuration().orElseThrow());
      case HEADLESS -> b.headless(from.headless().orElseThrow());
      case VIEWPORT -> b.viewport(from.viewport().orElseThrow());
      case USER_AGENT -> b.userAgent(from.userAgent().orElseThrow());
      case PROXY, MANAGED_PROXY -> b.proxy(from.proxy().orElseThrow());
      case REGION -> b.region(from.region().orElseThrow());
      case SOLVE_CAPTCHAS -> b.solveCaptchas(true);
      case RECORDING -> b.recordSession(true);
      case KEEP_ALIVE -> b.keepAlive(true);
      case METADATA -> b.metadata(from.metadata());
      default -> throw new IllegalStateException(capability + " has no copy rule");
    }
    return b.build();
  }
}
