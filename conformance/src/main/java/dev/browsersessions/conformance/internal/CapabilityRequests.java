package dev.browsersessions.conformance.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** For each capability that is a request option, a request that uses exactly that option. */
public final class CapabilityRequests {

  /** The metadata key the kit's requests carry. */
  public static final String METADATA_KEY = "browser-sessions-conformance";

  /** The capabilities a {@link SessionRequest} can ask for (the others are not options). */
  public static final Set<Capability> REQUEST_OPTIONS =
      Collections.unmodifiableSet(
          EnumSet.of(
              Capability.IDLE_TIMEOUT,
              Capability.MAX_DURATION,
              Capability.HEADLESS,
              Capability.VIEWPORT,
              Capability.USER_AGENT,
              Capability.PROXY,
              Capability.MANAGED_PROXY,
              Capability.REGION,
              Capability.SOLVE_CAPTCHAS,
              Capability.RECORDING,
              Capability.KEEP_ALIVE,
              Capability.METADATA));

  private CapabilityRequests() {}

  /**
   * A request that adds the option of one capability to a base request.
   *
   * @param capability one of {@link #REQUEST_OPTIONS}
   * @param base the request to start from
   * @return the request
   * @throws IllegalArgumentException if the capability is not a request option
   */
  public static SessionRequest using(Capability capability, SessionRequest base) {
    SessionRequest.Builder b = base.toBuilder();
    switch (capability) {
      case IDLE_TIMEOUT -> b.idleTimeout(Duration.ofMinutes(5));
      case MAX_DURATION -> b.maxDuration(Duration.ofMinutes(10));
      case HEADLESS -> b.headless(true);
      case VIEWPORT -> b.viewport(1280, 720);
      case USER_AGENT -> b.userAgent("browser-sessions-conformance");
      case PROXY -> b.proxy(ProxySettings.external("http://127.0.0.1:3128"));
      case MANAGED_PROXY -> b.proxy(ProxySettings.managed("us"));
      case REGION -> b.region("us-west-2");
      case SOLVE_CAPTCHAS -> b.solveCaptchas(true);
      case RECORDING -> b.recordSession(true);
      case KEEP_ALIVE -> b.keepAlive(true);
      case METADATA -> b.metadata(METADATA_KEY, "true");
      default -> throw new IllegalArgumentException(
          capability + " is not a request option; request options are " + REQUEST_OPTIONS);
    }
    return b.build();
  }
}
