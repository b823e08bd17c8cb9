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
 * @param lastActiveAt the last provider call or client CDP traffic (written by the watchdog)
 * @param idleTimeout the idle timeout, if any
 * @param maxDuration the maximum duration, if any
 * @param status the last known status
 * @param closedAt when the session ended
 * @param closeReason why it ended
 * @param metadata the caller's tags
 * @param owner the process that started the session and whose exit ends it; empty for a detached
 *     session, which lives until it is stopped or times out
 * @param relayPort the loopback port of the session's CDP relay, once the watchdog opened it
 * @param browserVersion the browser's product string, e.g. {@code HeadlessChrome/156.0…}
 */
public record SessionRecord(
    String id,
    long pid,
    Optional<ProcessStart> processStart,
    URI cdpUrl,
    Path profileDir,
    Instant createdAt,
    Instant lastActiveAt,
    Optional<Duration> idleTimeout,
    Optional<Duration> maxDuration,
    SessionStatus status,
    Optional<Instant> closedAt,
    Optional<String> closeReason,
    Map<String, String> metadata,
    Optional<Owner> owner,
    Optional<Integer> relayPort,
    Optional<String> browserVersion) {

  private static final String META = "metadata.";
  private static final String ID_PREFIX = "local-";
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
      "local-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * A new session id: {@code local-} and a random UUID, the only form a record read from the
   * state directory may have.
   *
   * @return the id
   */
  public static String newId() {
    return ID_PREFIX + java.util.UUID.randomUUID();
  }

  /**
   * Whether an id has the form {@link #newId} gives: {@code local-} and a UUID in lower case.
   * So a planted record's id can never name another folder of the profiles directory's parent
   * (say {@code Documents}), nor resolve anywhere ({@code ..}).
   *
   * @param id the id
   * @return {@code true} if it has that form
   */
  public static boolean isProviderId(String id) {
    return ID.matcher(id).matches();
  }

  /**
   * The process a non-detached session belongs to.
   *
   * @param pid its process id
   * @param start when it started, to tell a reused pid apart
   */
  public record Owner(long pid, ProcessStart start) {

    /**
     * This JVM.
     *
     * @return its owner entry, if the platform tells its start time
     */
    public static Optional<Owner> self() {
      ProcessHandle me = ProcessHandle.current();
      return ProcessStart.of(me).map(s -> new Owner(me.pid(), s));
    }

    /**
     * Whether the owner still runs.
     *
     * @return {@code true} while a process with this pid and start time is alive
     */
    public boolean isAlive() {
      return ProcessTree.find(pid, Optional.of(start)).isPresent();
    }
  }

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
   * @param owner the process whose exit ends the session, empty when detached
   * @param relayPort the CDP relay's port, once open
   * @param browserVersion the browser's product string
   */
  public SessionRecord {
    metadata = Map.copyOf(metadata);
  }

  /**
   * The URL clients use: the relay's, with the browser's own path (the browser target id), or
   * the browser's own while the relay is not open yet.
   *
   * @return the CDP URL handed out
   */
  public URI publicCdpUrl() {
    return relayPort.map(port -> URI.create("ws://127.0.0.1:" + port + cdpUrl.getRawPath()))
        .orElse(cdpUrl);
  }

  /**
   * This record with its relay open.
   *
   * @param port the relay's port
   * @return the updated record
   */
  public SessionRecord withRelay(int port) {
    return new SessionRecord(id, pid, processStart, cdpUrl, profileDir, createdAt, lastActiveAt,
        idleTimeout, maxDuration, status, closedAt, closeReason, metadata, owner,
        Optional.of(port), browserVersion);
  }

  /**
   * This record with the browser's product string.
   *
   * @param version what the browser answered to CDP's {@code Browser.getVersion}, if it answered
   * @return the new record
   */
  public SessionRecord withBrowserVersion(Optional<String> version) {
    return new SessionRecord(id, pid, processStart, cdpUrl, profileDir, createdAt, lastActiveAt,
        idleTimeout, maxDuration, status, closedAt, closeReason, metadata, owner, relayPort,
        version);
  }

  /**
   * This record, used now.
   *
   * @param now the time of the activity
   * @return the updated record
   */
  public SessionRecord touched(Instant now) {
    return new SessionRecord(id, pid, processStart, cdpUrl, profileDir, createdAt, now,
        idleTimeout, maxDuration, status, closedAt, closeReason, metadata, owner, relayPort,
        browserVersion);
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
        idleTimeout, maxDuration, terminal, Optional.of(at), Optional.of(reason), metadata, owner,
        relayPort, browserVersion);
  }

  /**
   * Which limit has passed at a given time.
   *
   * @param now the time
   * @return a description of the limit that passed, and when it passed
   */
  public Optional<Expiry> expiry(Instant now) {
    Optional<Expiry> max = maxDurationExpiry(now);
    if (max.isPresent()) {
      return max;
    }
    return idleTimeout.map(d -> new Expiry("idle for " + d, lastActiveAt.plus(d)))
        .filter(e -> !now.isBefore(e.at()));
  }

  /**
   * Whether the maximum duration has passed at a given time.
   *
   * @param now the time
   * @return the expiry, if it passed
   */
  public Optional<Expiry> maxDurationExpiry(Instant now) {
    return maxDuration.map(d -> new Expiry("maximum duration " + d + " reached",
        createdAt.plus(d))).filter(e -> !now.isBefore(e.at()));
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
    processStart.ifPresent(v -> {
      m.put("process-start", v.instant().toString());
      v.bootTicks().ifPresent(t -> m.put("process-start-ticks", Long.toString(t)));
    });
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
    owner.ifPresent(o -> {
      m.put("owner-pid", Long.toString(o.pid()));
      m.put("owner-start", o.start().instant().toString());
      o.start().bootTicks().ifPresent(t -> m.put("owner-start-ticks", Long.toString(t)));
    });
    relayPort.ifPresent(v -> m.put("relay-port", Integer.toString(v)));
    browserVersion.ifPresent(v -> m.put("browser", v));
    Properties p = new Properties();
    p.putAll(m);
    return p;
  }

  /**
   * Reads a record from properties.
   *
   * @param p the properties
   * @return the record
   * @throws IllegalArgumentException if a required entry is missing or malformed, or the id is
   *     not of the {@link #isProviderId provider's form}
   */
  public static SessionRecord fromProperties(Properties p) {
    Map<String, String> metadata = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(META)) {
        metadata.put(name.substring(META.length()), p.getProperty(name));
      }
    }
    String id = required(p, "id");
    if (!isProviderId(id)) {
      throw new IllegalArgumentException("'id' is not of the form local-<uuid>");
    }
    return new SessionRecord(
        id,
        Long.parseLong(required(p, "pid")),
        optional(p, "process-start").map(at -> start(at, optional(p, "process-start-ticks"))),
        loopbackWebSocket(required(p, "cdp-url")),
        absolute(required(p, "profile-dir")),
        Instant.parse(required(p, "created-at")),
        Instant.parse(required(p, "last-active-at")),
        optional(p, "idle-timeout").map(Duration::parse),
        optional(p, "max-duration").map(Duration::parse),
        SessionStatus.valueOf(required(p, "status")),
        optional(p, "closed-at").map(Instant::parse),
        optional(p, "close-reason"),
        metadata,
        optional(p, "owner-pid").map(pid -> new Owner(Long.parseLong(pid),
            start(required(p, "owner-start"), optional(p, "owner-start-ticks")))),
        optional(p, "relay-port").map(Integer::valueOf).filter(v -> v > 0 && v < 65536),
        optional(p, "browser"));
  }

  /** A recorded start: its instant, and its ticks since boot if the record has them. */
  private static ProcessStart start(String instant, Optional<String> ticks) {
    return new ProcessStart(Instant.parse(instant), ticks.map(t -> {
      long v = Long.parseLong(t);
      if (v < 0) {
        throw new IllegalArgumentException("a start in ticks since boot is not negative");
      }
      return java.util.OptionalLong.of(v);
    }).orElse(java.util.OptionalLong.empty()));
  }

  private static URI loopbackWebSocket(String value) {
    URI u = URI.create(value);
    if (!"ws".equals(u.getScheme()) || !"127.0.0.1".equals(u.getHost()) || u.getPort() <= 0
        || u.getRawPath() == null || !u.getRawPath().startsWith("/devtools/browser/")) {
      throw new IllegalArgumentException("'cdp-url' is not a loopback DevTools URL");
    }
    return u;
  }

  private static Path absolute(String value) {
    Path path = Path.of(value);
    if (!path.isAbsolute() || !path.normalize().equals(path)) {
      throw new IllegalArgumentException("'profile-dir' is not an absolute, normal path");
    }
    return path;
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
