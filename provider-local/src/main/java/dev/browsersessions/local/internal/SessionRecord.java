package dev.browsersessions.local.internal;

import dev.browsersessions.SessionStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the state directory remembers of one local session, so that another JVM can read, list
 * and stop it.
 *
 * @param id the session id
 * @param pid the browser's process id
 * @param processStart when that process started, to tell a reused pid apart
 * @param cdpUrl the browser's CDP URL
 * @param profileDir the browser's user-data directory
 * @param createdAt when the session started
 * @param lastActiveAt when the session was last used through the provider
 * @param idleTimeout the idle timeout, if any
 * @param maxDuration the maximum duration, if any
 * @param status the last known status
 * @param closedAt when the session ended
 * @param closeReason why it ended
 * @param metadata the caller's tags
 */
public record SessionRecord(
    String id,
    long pid,
    Optional<Instant> processStart,
    URI cdpUrl,
    Path profileDir,
    Instant createdAt,
    Instant lastActiveAt,
    Optional<Duration> idleTimeout,
    Optional<Duration> maxDuration,
    SessionStatus status,
    Optional<Instant> closedAt,
    Optional<String> closeReason,
    Map<String, String> metadata) {

  private static final String META = "metadata.";

  /**
   * Copies the metadata.
   *
   * @param id the session id
   * @param pid the browser's process id
   * @param processStart when that process started
   * @param cdpUrl the browser's CDP URL
   * @param profileDir the browser's user-data directory
   * @param createdAt when the session started
   * @param lastActiveAt when the session was last used
   * @param idleTimeout the idle timeout, if any
   * @param maxDuration the maximum duration, if any
   * @param status the last known status
   * @param closedAt when the session ended
   * @param closeReason why it ended
   * @param metadata the caller's tags
   */
  public SessionRecord {
    metadata = Map.copyOf(metadata);
  }

  /**
   * This record, used now.
   *
   * @param now the time of the activity
   * @return the updated record
   */
  public SessionRecord touched(Instant now) {
    return new SessionRecord(id, pid, processStart, cdpUrl, profileDir, createdAt, now,
        idleTimeout, maxDuration, status, closedAt, closeReason, metadata);
  }

  /**
   * This record, ended.
   *
   * @param terminal the terminal status
   * @param at when it ended
   * @param reason why
   * @return the updated record
   */
  public SessionRecord ended(SessionStatus terminal, Instant at, String reason) {
    return new SessionRecord(id, pid, processStart, cdpUrl, profileDir, createdAt, lastActiveAt,
        idleTimeout, maxDuration, terminal, Optional.of(at), Optional.of(reason), metadata);
  }

  /**
   * Which limit has passed at a given time.
   *
   * @param now the time
   * @return a description of the limit that passed, and when it passed
   */
  public Optional<Expiry> expiry(Instant now) {
    Optional<Expiry> max = maxDuration.map(d -> new Expiry("maximum duration " + d + " reached",
        createdAt.plus(d))).filter(e -> !now.isBefore(e.at()));
    if (max.isPresent()) {
      return max;
    }
    return idleTimeout.map(d -> new Expiry("idle for " + d, lastActiveAt.plus(d)))
        .filter(e -> !now.isBefore(e.at()));
  }

  /**
   * A passed limit.
   *
   * @param reason which limit
   * @param at when it passed
   */
  public record Expiry(String reason, Instant at) {}

  /**
   * Writes the record as properties.
   *
   * @return the properties
   */
  public Properties toProperties() {
    Map<String, String> m = new TreeMap<>();
    m.put("id", id);
    m.put("pid", Long.toString(pid));
    processStart.ifPresent(v -> m.put("process-start", v.toString()));
    m.put("cdp-url", cdpUrl.toString());
    m.put("profile-dir", profileDir.toString());
    m.put("created-at", createdAt.toString());
    m.put("last-active-at", lastActiveAt.toString());
    idleTimeout.ifPresent(v -> m.put("idle-timeout", v.toString()));
    maxDuration.ifPresent(v -> m.put("max-duration", v.toString()));
    m.put("status", status.name());
    closedAt.ifPresent(v -> m.put("closed-at", v.toString()));
    closeReason.ifPresent(v -> m.put("close-reason", v));
    metadata.forEach((k, v) -> m.put(META + k, v));
    Properties p = new Properties();
    p.putAll(m);
    return p;
  }

  /**
   * Reads a record from properties.
   *
   * @param p the properties
   * @return the record
   * @throws IllegalArgumentException if a required entry is missing or malformed
   */
  public static SessionRecord fromProperties(Properties p) {
    Map<String, String> metadata = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(META)) {
        metadata.put(name.substring(META.length()), p.getProperty(name));
      }
    }
    return new SessionRecord(
        required(p, "id"),
        Long.parseLong(required(p, "pid")),
        optional(p, "process-start").map(Instant::parse),
        URI.create(required(p, "cdp-url")),
        Path.of(required(p, "profile-dir")),
        Instant.parse(required(p, "created-at")),
        Instant.parse(required(p, "last-active-at")),
        optional(p, "idle-timeout").map(Duration::parse),
        optional(p, "max-duration").map(Duration::parse),
        SessionStatus.valueOf(required(p, "status")),
        optional(p, "closed-at").map(Instant::parse),
        optional(p, "close-reason"),
        metadata);
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return v;
  }

  private static Optional<String> optional(Properties p, String key) {
    return Optional.ofNullable(p.getProperty(key)).filter(v -> !v.isBlank());
  }
}
