package dev.browsersessions.local;

import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.local.internal.ChromiumCommand;
import dev.browsersessions.local.internal.ChromiumLocator;
import dev.browsersessions.local.internal.DevToolsLine;
import dev.browsersessions.local.internal.DevToolsProbe;
import dev.browsersessions.local.internal.DirectoryTrees;
import dev.browsersessions.local.internal.ProcessTree;
import dev.browsersessions.local.internal.SessionRecord;
import dev.browsersessions.local.internal.StateDirectory;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Real headless Chromium on this machine, one browser process per session (provider name {@code
 * local}). Sessions are recorded in a state directory so that another JVM (for example the
 * {@code browser-sessions} command line) can read, list and stop them.
 *
 * <p>Idle timeout and maximum duration are enforced by the provider: every call on a session
 * counts as activity, and a background check ends expired sessions of this provider every second.
 * A session whose browser process is gone reads as {@code CLOSED} (or {@code ERROR} when it
 * crashed), never as {@code ACTIVE}.
 */
public final class LocalProvider implements BrowserSessionProvider {

  /** The provider's name. */
  public static final String NAME = "local";

  private static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.LIST,
              Capability.IDLE_TIMEOUT,
              Capability.MAX_DURATION,
              Capability.HEADLESS,
              Capability.VIEWPORT,
              Capability.USER_AGENT,
              Capability.PROXY,
              Capability.METADATA,
              Capability.CDP_URL));

  private final Path chromium;
  private final StateDirectory state;
  private final Clock clock;
  private final Duration startTimeout;
  private final Duration stopGrace;
  private final Duration retention;
  private final String display;
  private final DevToolsProbe probe;
  private final Map<String, Process> processes = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper;
  private final java.util.concurrent.atomic.AtomicBoolean reaping =
      new java.util.concurrent.atomic.AtomicBoolean();

  private LocalProvider(Builder b) {
    this.chromium = b.chromium != null ? b.chromium
        : ChromiumLocator.locate(Optional.empty(), System.getenv("PATH"));
    this.state = new StateDirectory(b.stateDir != null ? b.stateDir : defaultStateDir());
    this.clock = b.clock;
    this.startTimeout = b.startTimeout;
    this.stopGrace = b.stopGrace;
    this.retention = b.retention;
    this.display = System.getenv("DISPLAY");
    this.probe = new DevToolsProbe(Duration.ofSeconds(2));
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "browser-sessions-local-reaper");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default state directory, {@code ~/.browser-sessions/local}.
   *
   * @return its path
   */
  public static Path defaultStateDir() {
    return Path.of(System.getProperty("user.home"), ".browser-sessions", "local");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  /**
   * The Chromium binary this provider starts.
   *
   * @return its path
   */
  public Path chromium() {
    return chromium;
  }

  /**
   * The state directory this provider records sessions in.
   *
   * @return its path
   */
  public Path stateDir() {
    return state.path();
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    RequestChecks.requireSupported(request, CAPABILITIES, NAME);
    String id = "local-" + UUID.randomUUID();
    Path profile;
    try {
      profile = Files.createTempDirectory("browser-sessions-local-");
    } catch (IOException e) {
      throw new ProviderUnavailableException(
          "Cannot create a profile directory for Chromium: " + e, NAME, 0, e);
    }
    List<String> command = ChromiumCommand.build(chromium, profile, request, display);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      DirectoryTrees.deleteTree(profile);
      throw new ProviderConfigurationException(
          "Cannot start Chromium at " + chromium + ": " + e.getMessage()
              + ". Set chrome-path / CHROME_PATH to a working browser, or install one"
              + " (apt-get install chromium).",
          NAME,
          "chrome-path");
    }
    DevToolsLine line = DevToolsLine.watch(process.getErrorStream(), "chromium-stderr-" + id);
    URI cdp;
    try {
      cdp = line.url().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      } else if (e instanceof ExecutionException) {
        awaitExit(process); // its error stream closed: it is exiting; get its exit code
      }
      ProcessTree.kill(process.toHandle(), stopGrace);
      DirectoryTrees.deleteTree(profile);
      String why =
          e instanceof TimeoutException
              ? "did not print its DevTools URL within " + startTimeout
                  + " (raise start-timeout if the machine is slow)"
              : "exited before printing its DevTools URL"
                  + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")");
      throw new ProviderUnavailableException(
          "Chromium " + why + "; its last output: " + line.tail(), NAME, 0, e);
    }
    Instant now = clock.instant();
    SessionRecord record =
        new SessionRecord(
            id,
            process.pid(),
            process.toHandle().info().startInstant(),
            cdp,
            profile,
            now,
            now,
            request.idleTimeout(),
            request.maxDuration(),
            SessionStatus.ACTIVE,
            Optional.empty(),
            Optional.empty(),
            request.metadata());
    processes.put(id, process);
    state.write(record);
    if (reaping.compareAndSet(false, true)) {
      // The timeout check starts with the first session, not when the provider is built.
      reaper.scheduleWithFixedDelay(this::reapExpired, 1, 1, TimeUnit.SECONDS);
    }
    return toInfo(record, Optional.empty());
  }

  @Override
  public SessionInfo status(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    synchronized (lock(sessionId)) {
      SessionRecord record = current(sessionId, true);
      return toInfo(record, record.status().isTerminal() ? Optional.empty()
          : probe.browserVersion(record.cdpUrl()));
    }
  }

  @Override
  public SessionInfo stop(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    synchronized (lock(sessionId)) {
      return state.locked(
          sessionId,
          () -> {
            SessionRecord record = current(sessionId, false);
            if (record.status().isTerminal()) {
              return toInfo(record, Optional.empty());
            }
            end(record);
            SessionRecord ended = record.ended(SessionStatus.CLOSED, clock.instant(), "stopped");
            state.write(ended);
            return toInfo(ended, Optional.empty());
          });
    }
  }

  /**
   * Lists the recorded sessions. Records of sessions that ended more than {@code
   * record-retention} ago are forgotten here.
   */
  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    Objects.requireNonNull(filter, "filter");
    Instant forgetBefore = clock.instant().minus(retention);
    return state.readAll().stream()
        .map(r -> {
          synchronized (lock(r.id())) {
            return reconcile(r);
          }
        })
        .filter(r -> {
          boolean expired = r.closedAt().filter(at -> at.isBefore(forgetBefore)).isPresent();
          if (expired) {
            state.delete(r.id());
            locks.remove(r.id());
          }
          return !expired;
        })
        .map(r -> toInfo(r, Optional.empty()))
        .filter(filter::matches)
        .toList();
  }

  /** Stops the background timeout check and releases resources; sessions keep running. */
  @Override
  public void close() {
    reaper.shutdownNow();
  }

  @Override
  public String toString() {
    return "LocalProvider[chromium=" + chromium + ", stateDir=" + state.path() + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private Object lock(String id) {
    return locks.computeIfAbsent(id, k -> new Object());
  }

  /** The record with its status brought up to date; optionally counts as activity. */
  private SessionRecord current(String id, boolean activity) {
    SessionRecord record =
        state.read(id).orElseThrow(() -> new SessionNotFoundException(id, NAME));
    SessionRecord fresh = reconcile(record);
    if (activity && !fresh.status().isTerminal()) {
      fresh = fresh.touched(clock.instant());
      state.write(fresh);
    }
    return fresh;
  }

  /** Applies what has happened since the record was written: a dead process, an expiry. */
  private SessionRecord reconcile(SessionRecord record) {
    if (record.status().isTerminal()) {
      return record;
    }
    Optional<ProcessHandle> alive = ProcessTree.find(record.pid(), record.processStart());
    SessionRecord updated;
    if (alive.isEmpty()) {
      Process own = processes.remove(record.id());
      boolean crashed = own != null && !own.isAlive() && own.exitValue() != 0;
      updated =
          record.ended(
              crashed ? SessionStatus.ERROR : SessionStatus.CLOSED,
              clock.instant(),
              crashed
                  ? "browser process exited with code " + own.exitValue()
                  : "browser process is no longer running");
      DirectoryTrees.deleteTree(record.profileDir());
    } else {
      Optional<SessionRecord.Expiry> expiry = record.expiry(clock.instant());
      if (expiry.isEmpty()) {
        return record;
      }
      end(record);
      updated = record.ended(SessionStatus.TIMED_OUT, expiry.get().at(), expiry.get().reason());
    }
    state.write(updated);
    return updated;
  }

  private void end(SessionRecord record) {
    ProcessTree.find(record.pid(), record.processStart())
        .ifPresent(
            h -> {
              if (!ProcessTree.kill(h, stopGrace)) {
                throw new ProviderUnavailableException(
                    "Chromium process " + record.pid() + " of session '" + record.id()
                        + "' did not exit after being killed",
                    NAME, 0, null);
              }
            });
    Process own = processes.remove(record.id());
    if (own != null) {
      own.destroyForcibly();
    }
    DirectoryTrees.deleteTree(record.profileDir());
  }

  private static void awaitExit(Process process) {
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reapExpired() {
    for (String id : List.copyOf(processes.keySet())) {
      try {
        synchronized (lock(id)) {
          state.read(id).ifPresent(this::reconcile);
        }
      } catch (RuntimeException e) {
        // The next round, or the next call on the session, tries again.
      }
    }
  }

  private static SessionInfo toInfo(SessionRecord r, Optional<String> browserVersion) {
    SessionInfo.Builder b =
        SessionInfo.builder(r.id(), NAME, r.status())
            .createdAt(r.createdAt())
            .lastActiveAt(r.lastActiveAt())
            .closedAt(r.closedAt().orElse(null))
            .idleTimeout(r.idleTimeout().orElse(null))
            .maxDuration(r.maxDuration().orElse(null))
            .closeReason(r.closeReason().orElse(null))
            .metadata(r.metadata())
            .attribute("pid", r.pid())
            .attribute("browser", browserVersion.orElse(null));
    if (!r.status().isTerminal()) {
      b.cdpUrl(r.cdpUrl());
    }
    return b.build();
  }

  /** Options for a {@link LocalProvider}. Not thread-safe. */
  public static final class Builder {
    private Path chromium;
    private Path stateDir;
    private Clock clock = Clock.systemUTC();
    private Duration startTimeout = Duration.ofSeconds(30);
    private Duration stopGrace = Duration.ofSeconds(5);
    private Duration retention = Duration.ofDays(1);

    private Builder() {}

    /**
     * How long the record of an ended session is kept (so that {@code status} and {@code stop}
     * from another process still see it); default one day.
     *
     * @param retention a positive duration
     * @return this builder
     */
    public Builder recordRetention(Duration retention) {
      this.retention = positive(retention, "record-retention");
      return this;
    }

    /**
     * The Chromium binary; by default the first of {@code chromium}, {@code chromium-browser},
     * {@code google-chrome} on the {@code PATH}.
     *
     * @param chromium the binary
     * @return this builder
     */
    public Builder chromium(Path chromium) {
      this.chromium = Objects.requireNonNull(chromium, "chromium");
      return this;
    }

    /**
     * Where sessions are recorded; default {@code ~/.browser-sessions/local}.
     *
     * @param stateDir the directory
     * @return this builder
     */
    public Builder stateDir(Path stateDir) {
      this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
      return this;
    }

    /**
     * The clock timeouts are measured with (for tests); default the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long Chromium may take to print its DevTools URL; default 30 seconds.
     *
     * @param startTimeout a positive duration
     * @return this builder
     */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = positive(startTimeout, "start-timeout");
      return this;
    }

    /**
     * How long a stopped browser may take to exit before it is killed; default 5 seconds.
     *
     * @param stopGrace a positive duration
     * @return this builder
     */
    public Builder stopGrace(Duration stopGrace) {
      this.stopGrace = positive(stopGrace, "stop-grace");
      return this;
    }

    /**
     * Builds the provider. Finds Chromium if no binary was given; starts nothing.
     *
     * @return the provider
     * @throws ProviderConfigurationException if Chromium cannot be found (the state directory is
     *     created with the first session)
     */
    public LocalProvider build() {
      return new LocalProvider(this);
    }

    private static Duration positive(Duration d, String key) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new ProviderConfigurationException(
            "Configuration '" + key + "' for provider 'local' must be a positive duration, got "
                + d, NAME, key);
      }
      return d;
    }
  }
}
