package dev.browsersessions;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An optional option or operation a provider may offer. A provider declares what it really
 * implements in {@code capabilities()}; a request that uses an option the provider does not declare
 * fails with {@link UnsupportedCapabilityException} before any session is started.
 */
public enum Capability {
  /** {@code list(SessionFilter)} is available. */
  LIST("listing sessions", null),
  /** {@link SessionRequest#idleTimeout()} is honoured. */
  IDLE_TIMEOUT("an idle timeout", r -> r.idleTimeout().isPresent()),
  /** {@link SessionRequest#maxDuration()} is honoured. */
  MAX_DURATION("a maximum duration", r -> r.maxDuration().isPresent()),
  /** {@link SessionRequest#headless()} is honoured (both values). */
  HEADLESS("choosing headless or headful", r -> r.headless().isPresent()),
  /** {@link SessionRequest#viewport()} is honoured. */
  VIEWPORT("a viewport size", r -> r.viewport().isPresent()),
  /** {@link SessionRequest#userAgent()} is honoured. */
  USER_AGENT("a custom user agent", r -> r.userAgent().isPresent()),
  /** An {@link ProxySettings.External external proxy} the caller runs. */
  PROXY("an external proxy",
      r -> r.proxy().filter(p -> p instanceof ProxySettings.External).isPresent()),
  /** A {@link ProxySettings.Managed proxy the vendor runs}, optionally in a given country. */
  MANAGED_PROXY("a vendor-managed proxy",
      r -> r.proxy().filter(p -> p instanceof ProxySettings.Managed).isPresent()),
  /** {@link SessionRequest#region()} is honoured. */
  REGION("choosing a region", r -> r.region().isPresent()),
  /** {@link SessionRequest#solveCaptchas()} is honoured. */
  SOLVE_CAPTCHAS("captcha solving", SessionRequest::solveCaptchas),
  /** {@link SessionRequest#recordSession()} is honoured. */
  RECORDING("session recording", SessionRequest::recordSession),
  /** {@link SessionRequest#keepAlive()} is honoured. */
  KEEP_ALIVE("keep-alive sessions", SessionRequest::keepAlive),
  /** {@link SessionRequest#metadata()} is stored with the session and returned by status/list. */
  METADATA("session metadata", r -> !r.metadata().isEmpty()),
  /** Sessions expose a Chrome DevTools Protocol URL. */
  CDP_URL("a CDP URL", null),
  /** Sessions expose a live-view URL a person can open. */
  LIVE_VIEW("a live-view URL", null);

  private static final Set<Capability> REQUEST_OPTIONS = requestOptionSet();

  private final String description;
  private final Predicate<SessionRequest> usedBy; // null: not something a request asks for

  Capability(String description, Predicate<SessionRequest> usedBy) {
    this.description = description;
    this.usedBy = usedBy;
  }

  /**
   * The capabilities a {@link SessionRequest} can ask for; the others ({@link #LIST}, {@link
   * #CDP_URL}, {@link #LIVE_VIEW}) are operations or answers, never options.
   *
   * @return an unmodifiable set, in declaration order
   */
  public static Set<Capability> requestOptions() {
    return REQUEST_OPTIONS;
  }

  /**
   * Whether a request can ask for this capability.
   *
   * @return {@code true} for the request options
   */
  public boolean isRequestOption() {
    return usedBy != null;
  }

  /**
   * Whether a request asks for this capability: the one definition {@code
   * RequestChecks.requireSupported} and the conformance kit both use.
   *
   * @param request the request
   * @return {@code true} when the request sets this option; always {@code false} for a
   *     capability that is not a request option
   */
  public boolean isUsedBy(SessionRequest request) {
    Objects.requireNonNull(request, "request");
    return usedBy != null && usedBy.test(request);
  }

  private static Set<Capability> requestOptionSet() {
    EnumSet<Capability> options = EnumSet.noneOf(Capability.class);
    for (Capability c : values()) {
      if (c.isRequestOption()) {
        options.add(c);
      }
    }
    return Collections.unmodifiableSet(options);
  }

  /**
   * A short human description, used in error messages.
   *
   * @return e.g. {@code "an idle timeout"}
   */
  public String describe() {
    return description;
  }
}
