package dev.browsersessions;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a session as its provider last reported it.
 *
 * <p>Build one with {@link #builder} (or change one with {@link #toBuilder()}): the canonical
 * constructor is not for callers. This record will gain components before and after 1.0 (a new
 * thing vendors report), which changes the canonical constructor's signature (and what a record
 * pattern must list); the builder, the accessors and {@code equals} stay compatible. See {@code
 * docs/design.md}, "SessionInfo's shape".
 *
 * @param id the provider's session id
 * @param provider the provider's name, e.g. {@code "notte"}
 * @param status the vendor-neutral status
 * @param createdAt when the session was created
 * @param lastActiveAt when the session was last active
 * @param closedAt when the session ended
 * @param idleTimeout the idle timeout the vendor granted
 * @param maxDuration the maximum duration the vendor granted
 * @param cdpUrl the Chrome DevTools Protocol WebSocket URL to drive the browser
 * @param liveViewUrl a URL a person can open to watch the session
 * @param closeReason why the session ended, in the vendor's words
 * @param metadata the tags stored with the session
 * @param attributes vendor-specific extras, e.g. the vendor's own status string
 */
public record SessionInfo(
    String id,
    String provider,
    SessionStatus status,
    Optional<Instant> createdAt,
    Optional<Instant> lastActiveAt,
    Optional<Instant> closedAt,
    Optional<Duration> idleTimeout,
    Optional<Duration> maxDuration,
    Optional<URI> cdpUrl,
    Optional<URI> liveViewUrl,
    Optional<String> closeReason,
    Map<String, String> metadata,
    Map<String, Object> attributes) {

  /**
   * Validates and copies the snapshot.
   *
   * @param id the provider's session id
   * @param provider the provider's name, e.g. {@code "notte"}
   * @param status the vendor-neutral status
   * @param createdAt when the session was created
   * @param lastActiveAt when the session was last active
   * @param closedAt when the session ended
   * @param idleTimeout the idle timeout the vendor granted
   * @param maxDuration the maximum duration the vendor granted
   * @param cdpUrl the Chrome DevTools Protocol WebSocket URL to drive the browser
   * @param liveViewUrl a URL a person can open to watch the session
   * @param closeReason why the session ended, in the vendor's words
   * @param metadata the tags stored with the session
   * @param attributes vendor-specific extras, e.g. the vendor's own status string
   */
  public SessionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastActiveAt, "lastActiveAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(cdpUrl, "cdpUrl");
    Objects.requireNonNull(liveViewUrl, "liveViewUrl");
    Objects.requireNonNull(closeReason, "closeReason");
    metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
  }

  /**
   * Whether the session has ended for good.
   *
   * @return {@code status().isTerminal()}
   */
  public boolean isTerminal() {
    return status.isTerminal();
  }

  /**
   * Starts a builder.
   *
   * @param id the session id
   * @param provider the provider's name
   * @param status the status
   * @return a new builder
   */
  public static Builder builder(String id, String provider, SessionStatus status) {
    return new Builder(id, provider, status);
  }

  /**
   * Starts a builder with this snapshot's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, provider, status);
    b.createdAt = createdAt.orElse(null);
    b.lastActiveAt = lastActiveAt.orElse(null);
    b.closedAt = closedAt.orElse(null);
    b.idleTimeout = idleTimeout.orElse(null);
    b.maxDuration = maxDuration.orElse(null);
    b.cdpUrl = cdpUrl.orElse(null);
    b.liveViewUrl = liveViewUrl.orElse(null);
    b.closeReason = closeReason.orElse(null);
    b.metadata.putAll(metadata);
    b.attributes.putAll(attributes);
    return b;
  }

  /** Builds a {@link SessionInfo}; providers use it to report what the vendor said. */
  public static final class Builder {
    private String id;
    private String provider;
    private SessionStatus status;
    private Instant createdAt;
    private Instant lastActiveAt;
    private Instant closedAt;
    private Duration idleTimeout;
    private Duration maxDuration;
    private URI cdpUrl;
    private URI liveViewUrl;
    private String closeReason;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private Builder(String id, String provider, SessionStatus status) {
      this.id = id;
      this.provider = provider;
      this.status = status;
    }

    /**
     * Sets the id.
     *
     * @param id the session id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(SessionStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the creation time.
     *
     * @param createdAt the time, or {@code null}
     * @return this builder
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * Sets the time of last activity.
     *
     * @param lastActiveAt the time, or {@code null}
     * @return this builder
     */
    public Builder lastActiveAt(Instant lastActiveAt) {
      this.lastActiveAt = lastActiveAt;
      return this;
    }

    /**
     * Sets the time the session ended.
     *
     * @param closedAt the time, or {@code null}
     * @return this builder
     */
    public Builder closedAt(Instant closedAt) {
      this.closedAt = closedAt;
      return this;
    }

    /**
     * Sets the granted idle timeout.
     *
     * @param idleTimeout the timeout, or {@code null}
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Sets the granted maximum duration.
     *
     * @param maxDuration the duration, or {@code null}
     * @return this builder
     */
    public Builder maxDuration(Duration maxDuration) {
      this.maxDuration = maxDuration;
      return this;
    }

    /**
     * Sets the CDP URL.
     *
     * @param cdpUrl the URL, or {@code null}
     * @return this builder
     */
    public Builder cdpUrl(URI cdpUrl) {
      this.cdpUrl = cdpUrl;
      return this;
    }

    /**
     * Sets the live-view URL.
     *
     * @param liveViewUrl the URL, or {@code null}
     * @return this builder
     */
    public Builder liveViewUrl(URI liveViewUrl) {
      this.liveViewUrl = liveViewUrl;
      return this;
    }

    /**
     * Sets why the session ended.
     *
     * @param closeReason the vendor's reason, or {@code null}
     * @return this builder
     */
    public Builder closeReason(String closeReason) {
      this.closeReason = closeReason;
      return this;
    }

    /**
     * Adds metadata tags.
     *
     * @param metadata the tags
     * @return this builder
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata.putAll(metadata);
      return this;
    }

    /**
     * Adds one vendor-specific attribute; a {@code null} value is ignored.
     *
     * @param key the attribute's name
     * @param value its value
     * @return this builder
     */
    public Builder attribute(String key, Object value) {
      if (value != null) {
        this.attributes.put(key, value);
      }
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     */
    public SessionInfo build() {
      return new SessionInfo(
          id,
          provider,
          status,
          Optional.ofNullable(createdAt),
          Optional.ofNullable(lastActiveAt),
          Optional.ofNullable(closedAt),
          Optional.ofNullable(idleTimeout),
          Optional.ofNullable(maxDuration),
          Optional.ofNullable(cdpUrl),
          Optional.ofNullable(liveViewUrl),
          Optional.ofNullable(closeReason),
          metadata,
          attributes);
    }
  }
}
