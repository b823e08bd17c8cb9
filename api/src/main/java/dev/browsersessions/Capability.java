package dev.browsersessions;

/**
 * An optional option or operation a provider may offer. A provider declares what it really
 * implements in {@code capabilities()}; a request that uses an option the provider does not declare
 * fails with {@link UnsupportedCapabilityException} before any session is started.
 */
public enum Capability {
  /** {@code list(SessionFilter)} is available. */
  LIST("listing sessions"),
  /** {@link SessionRequest#idleTimeout()} is honoured. */
  IDLE_TIMEOUT("an idle timeout"),
  /** {@link SessionRequest#maxDuration()} is honoured. */
  MAX_DURATION("a maximum duration"),
  /** {@link SessionRequest#headless()} is honoured (both values). */
  HEADLESS("choosing headless or headful"),
  /** {@link SessionRequest#viewport()} is honoured. */
  VIEWPORT("a viewport size"),
  /** {@link SessionRequest#userAgent()} is honoured. */
  USER_AGENT("a custom user agent"),
  /** An {@link ProxySettings.External external proxy} the caller runs. */
  PROXY("an external proxy"),
  /** A {@link ProxySettings.Managed proxy the vendor runs}, optionally in a given country. */
  MANAGED_PROXY("a vendor-managed proxy"),
  /** {@link SessionRequest#region()} is honoured. */
  REGION("choosing a region"),
  /** {@link SessionRequest#solveCaptchas()} is honoured. */
  SOLVE_CAPTCHAS("captcha solving"),
  /** {@link SessionRequest#recordSession()} is honoured. */
  RECORDING("session recording"),
  /** {@link SessionRequest#keepAlive()} is honoured. */
  KEEP_ALIVE("keep-alive sessions"),
  /** {@link SessionRequest#metadata()} is stored with the session and returned by status/list. */
  METADATA("session metadata"),
  /** Sessions expose a Chrome DevTools Protocol URL. */
  CDP_URL("a CDP URL"),
  /** Sessions expose a live-view URL a person can open. */
  LIVE_VIEW("a live-view URL");

  private final String description;

  Capability(String description) {
    this.description = description;
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
