package dev.browsersessions;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asks of a new session. Every option is optional; an option the selected provider
 * does not support (see {@link Capability}) is refused with {@link UnsupportedCapabilityException},
 * never silently dropped. Build one with {@link #builder()}; {@link #defaults()} asks for nothing.
 *
 * <p>Construction validates what is invalid everywhere (non-positive durations, an idle timeout
 * longer than the maximum duration, blank strings); a provider checks its own vendor limits.
 *
 * @param idleTimeout end the session after this long without activity
 * @param maxDuration end the session after this long in any case
 * @param headless run without a visible window ({@code true}) or headful ({@code false})
 * @param viewport the page's layout viewport ({@code window.innerWidth}/{@code
 *     innerHeight}), see {@link Viewport}
 * @param userAgent the user agent the browser presents
 * @param proxy how to proxy the session's traffic
 * @param region where the vendor should run the browser, e.g. {@code "us-west-2"}
 * @param solveCaptchas let the vendor solve captchas
 * @param recordSession let the vendor record the session for replay
 * @param keepAlive keep the session running after the client disconnects
 * @param metadata the caller's own tags, stored with the session where the vendor supports it
 * @param providerOptions vendor-specific options passed to the provider as they are: an explicit
 *     escape hatch that ties the code to one vendor
 */
public record SessionRequest(
    Optional<Duration> idleTimeout,
    Optional<Duration> maxDuration,
    Optional<Boolean> headless,
    Optional<Viewport> viewport,
    Optional<String> userAgent,
    Optional<ProxySettings> proxy,
    Optional<String> region,
    boolean solveCaptchas,
    boolean recordSession,
    boolean keepAlive,
    Map<String, String> metadata,
    Map<String, Object> providerOptions) {

  private static final SessionRequest DEFAULTS = builder().build();

  /**
   * Validates and copies the request.
   *
   * @param idleTimeout end the session after this long without activity
   * @param maxDuration end the session after this long in any case
   * @param headless run without a visible window ({@code true}) or headful ({@code false})
   * @param viewport the page's layout viewport ({@code window.innerWidth}/{@code
   *     innerHeight}), see {@link Viewport}
   * @param userAgent the user agent the browser presents
   * @param proxy how to proxy the session's traffic
   * @param region where the vendor should run the browser, e.g. {@code "us-west-2"}
   * @param solveCaptchas let the vendor solve captchas
   * @param recordSession let the vendor record the session for replay
   * @param keepAlive keep the session running after the client disconnects
   * @param metadata the caller's own tags, stored with the session where the vendor supports it
   * @param providerOptions vendor-specific options passed to the provider as they are: an explicit escape hatch that ties the code to one vendor
   */
  public SessionRequest {
    requireNonNull(idleTimeout, "idleTimeout");
    requireNonNull(maxDuration, "maxDuration");
    requireNonNull(headless, "headless");
    requireNonNull(viewport, "viewport");
    requireNonNull(userAgent, "userAgent");
    requireNonNull(proxy, "proxy");
    requireNonNull(region, "region");
    requireNonNull(metadata, "metadata");
    requireNonNull(providerOptions, "providerOptions");
    idleTimeout.ifPresent(d -> requirePositive(d, "idleTimeout"));
    maxDuration.ifPresent(d -> requirePositive(d, "maxDuration"));
    if (idleTimeout.isPresent()
        && maxDuration.isPresent()
        && idleTimeout.get().compareTo(maxDuration.get()) > 0) {
      throw new InvalidSessionRequestException(
          "idleTimeout",
          "idleTimeout (" + idleTimeout.get() + ") must not exceed maxDuration ("
              + maxDuration.get() + ")");
    }
    userAgent.ifPresent(v -> requireNotBlank(v, "userAgent"));
    region.ifPresent(v -> requireNotBlank(v, "region"));
    metadata.forEach(
        (k, v) -> {
          requireNotBlank(k, "metadata key");
          if (v == null) {
            throw new InvalidSessionRequestException(
                "metadata", "metadata value for key '" + k + "' must not be null");
          }
        });
    providerOptions.forEach(
        (k, v) -> {
          requireNotBlank(k, "providerOptions key");
          if (v == null) {
            throw new InvalidSessionRequestException(
                "providerOptions", "providerOptions value for key '" + k + "' must not be null");
          }
        });
    metadata = Map.copyOf(metadata);
    providerOptions = Map.copyOf(providerOptions);
  }

  /**
   * A request that asks for nothing in particular: the provider's defaults.
   *
   * @return the default request
   */
  public static SessionRequest defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.idleTimeout = idleTimeout.orElse(null);
    b.maxDuration = maxDuration.orElse(null);
    b.headless = headless.orElse(null);
    b.viewport = viewport.orElse(null);
    b.userAgent = userAgent.orElse(null);
    b.proxy = proxy.orElse(null);
    b.region = region.orElse(null);
    b.solveCaptchas = solveCaptchas;
    b.recordSession = recordSession;
    b.keepAlive = keepAlive;
    b.metadata.putAll(metadata);
    b.providerOptions.putAll(providerOptions);
    return b;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SessionRequest[");
    idleTimeout.ifPresent(v -> s.append("idleTimeout=").append(v).append(", "));
    maxDuration.ifPresent(v -> s.append("maxDuration=").append(v).append(", "));
    headless.ifPresent(v -> s.append("headless=").append(v).append(", "));
    viewport.ifPresent(v -> s.append("viewport=").append(v).append(", "));
    userAgent.ifPresent(v -> s.append("userAgent=").append(v).append(", "));
    proxy.ifPresent(v -> s.append("proxy=").append(v).append(", "));
    region.ifPresent(v -> s.append("region=").append(v).append(", "));
    if (solveCaptchas) {
      s.append("solveCaptchas, ");
    }
    if (recordSession) {
      s.append("recordSession, ");
    }
    if (keepAlive) {
      s.append("keepAlive, ");
    }
    if (!metadata.isEmpty()) {
      s.append("metadata=").append(metadata).append(", ");
    }
    if (!providerOptions.isEmpty()) {
      // Values may hold vendor credentials: show only the keys.
      s.append("providerOptions=").append(providerOptions.keySet()).append(", ");
    }
    if (s.charAt(s.length() - 1) == ' ') {
      s.setLength(s.length() - 2);
    }
    return s.append(']').toString();
  }

  private static void requireNonNull(Object value, String field) {
    if (value == null) {
      throw new InvalidSessionRequestException(
          field, field + " must not be null; use Optional.empty() or leave it unset");
    }
  }

  private static void requirePositive(Duration d, String field) {
    if (d.isZero() || d.isNegative()) {
      throw new InvalidSessionRequestException(
          field, field + " must be a positive duration, got " + d);
    }
  }

  private static void requireNotBlank(String v, String field) {
    if (v == null || v.isBlank()) {
      throw new InvalidSessionRequestException(field, field + " must not be blank");
    }
  }

  /** Builds a {@link SessionRequest}; unset options stay absent. Not thread-safe. */
  public static final class Builder {
    private Duration idleTimeout;
    private Duration maxDuration;
    private Boolean headless;
    private Viewport viewport;
    private String userAgent;
    private ProxySettings proxy;
    private String region;
    private boolean solveCaptchas;
    private boolean recordSession;
    private boolean keepAlive;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, Object> providerOptions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Ends the session after this long without activity.
     *
     * @param idleTimeout a positive duration, or {@code null} to unset
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Ends the session after this long in any case.
     *
     * @param maxDuration a positive duration, or {@code null} to unset
     * @return this builder
     */
    public Builder maxDuration(Duration maxDuration) {
      this.maxDuration = maxDuration;
      return this;
    }

    /**
     * Runs the browser headless or headful.
     *
     * @param headless {@code true} for headless
     * @return this builder
     */
    public Builder headless(boolean headless) {
      this.headless = headless;
      return this;
    }

    /**
     * Sets the page's layout viewport: the page sees {@code window.innerWidth == width} and
     * {@code window.innerHeight == height} (see {@link Viewport}).
     *
     * @param width positive width in CSS pixels
     * @param height positive height in CSS pixels
     * @return this builder
     */
    public Builder viewport(int width, int height) {
      this.viewport = new Viewport(width, height);
      return this;
    }

    /**
     * Sets the page's layout viewport ({@code window.innerWidth}/{@code innerHeight}, see {@link
     * Viewport}).
     *
     * @param viewport the size, or {@code null} to unset
     * @return this builder
     */
    public Builder viewport(Viewport viewport) {
      this.viewport = viewport;
      return this;
    }

    /**
     * Sets the user agent.
     *
     * @param userAgent a non-blank user agent, or {@code null} to unset
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets the proxy.
     *
     * @param proxy the proxy, or {@code null} to unset
     * @return this builder
     */
    public Builder proxy(ProxySettings proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Sets the region.
     *
     * @param region a vendor region such as {@code "us-west-2"}, or {@code null} to unset
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Asks the vendor to solve captchas.
     *
     * @param solveCaptchas whether to solve captchas
     * @return this builder
     */
    public Builder solveCaptchas(boolean solveCaptchas) {
      this.solveCaptchas = solveCaptchas;
      return this;
    }

    /**
     * Asks the vendor to record the session.
     *
     * @param recordSession whether to record
     * @return this builder
     */
    public Builder recordSession(boolean recordSession) {
      this.recordSession = recordSession;
      return this;
    }

    /**
     * Asks the vendor to keep the session alive after the client disconnects.
     *
     * @param keepAlive whether to keep it alive
     * @return this builder
     */
    public Builder keepAlive(boolean keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /**
     * Adds one metadata tag.
     *
     * @param key a non-blank key
     * @param value the value
     * @return this builder
     */
    public Builder metadata(String key, String value) {
      this.metadata.put(key, value);
      return this;
    }

    /**
     * Adds metadata tags.
     *
     * @param metadata the tags
     * @return this builder
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata.putAll(Objects.requireNonNull(metadata, "metadata"));
      return this;
    }

    /**
     * Adds one vendor-specific option, passed to the provider as it is.
     *
     * @param key the vendor's option name
     * @param value its value (string, number, boolean, list or map)
     * @return this builder
     */
    public Builder providerOption(String key, Object value) {
      this.providerOptions.put(key, value);
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the validated request
     * @throws InvalidSessionRequestException naming the field, if a value is invalid
     */
    public SessionRequest build() {
      return new SessionRequest(
          Optional.ofNullable(idleTimeout),
          Optional.ofNullable(maxDuration),
          Optional.ofNullable(headless),
          Optional.ofNullable(viewport),
          Optional.ofNullable(userAgent),
          Optional.ofNullable(proxy),
          Optional.ofNullable(region),
          solveCaptchas,
          recordSession,
          keepAlive,
          metadata,
          providerOptions);
    }
  }
}
