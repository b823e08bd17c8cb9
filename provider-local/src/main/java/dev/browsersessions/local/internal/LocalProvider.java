package dev.browsersessions.local.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.local.LocalProviderFactory;
import dev.browsersessions.local.LocalSettings;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.RequestChecks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code local} provider's SPI: one Chromium process per session, recorded in the state
 * directory so that other processes can read, list and stop it, and served to clients through
 * the state directory's {@link Watchdog}, whose {@link Relay} counts CDP traffic as activity.
 *
 * <p>{@code status} and {@code list} only read: a session whose limit has passed reads as {@code
 * TIMED_OUT} and is ended by this provider's background check (sessions it started, on its
 * clock) or by the watchdog (every session, on the system clock). Only {@code stop}, the
 * background check and the watchdog end browsers, and only a provably recorded one.
 */
public final class LocalProvider implements BrowserSessionProvider {

  private static final String NAME = LocalProviderFactory.NAME;
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(250);
  private static final Duration CDP_TIMEOUT = Duration.ofSeconds(10);

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

  private final LocalSettings settings;
  private final StateDirectory state;
  private final Clock clock;
  private final String display;
  private final DevToolsProbe probe = new DevToolsProbe(Duration.ofSeconds(2));
  private final Map<String, Process> processes = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService checker;
  private final AtomicBoolean checking = new AtomicBoolean();
  /** Paces the check's tries at a session whose ending failed; on the system clock. */
  private final Retries retries = new Retries();

  /**
   * Creates the provider. Starts nothing and touches no file.
   *
   * @param settings the settings
   */
  public LocalProvider(LocalSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.state = new StateDirectory(settings.stateDir());
    this.clock = settings.clock();
    this.display = System.getenv("DISPLAY");
    this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "browser-sessions-local-check");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    RequestChecks.requireSupported(request, CAPABILITIES, NAME);
    state.ensureSecure();
    String id = SessionRecord.newId();
    Path profile = state.profiles().resolve(id);
    // Built before anything exists, so that a refused request leaves nothing behind.
    List<String> command = ChromiumCommand.build(settings.chromium(), profile, request, display,
        settings.noSandbox(), request.viewport().map(ViewportFit::windowSize));
    try {
      Files.createDirectory(profile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new ProviderUnavailableException(
          "Cannot create a profile directory for Chromium in " + profile.getParent() + ": " + e,
          NAME, 0, e);
    }
    Process process = launch(command, profile);
    URI cdp = awaitDevToolsUrl(id, process, profile);
    SessionRecord record;
    try {
      if (request.viewport().isPresent()) {
        ViewportFit.fit(cdp, request.viewport().get(), CDP_TIMEOUT);
      }
      Instant now = clock.instant();
      record = new SessionRecord(id, process.pid(), ProcessStart.of(process.toHandle()),
          cdp, profile, now, now, request.idleTimeout(), request.maxDuration(),
          SessionStatus.ACTIVE, Optional.empty(), Optional.empty(), request.metadata(),
          settings.detach() ? Optional.empty() : SessionRecord.Owner.self(), Optional.empty(),
          Optional.empty());
      processes.put(id, process);
      state.write(record);
      Optional<Process> watchdog = WatchdogLauncher.ensureRunning(state,
          settings.recordRetention(), settings.stopGrace(), Optional.empty());
      // Asked while the watchdog opens the relay: the two waits overlap.
      Optional<String> version = probe.browserVersion(cdp);
      awaitRelay(id, watchdog);
      // The idle clock starts now, when the session is handed out (see Endings.due).
      record = state.locked(id, () -> {
        SessionRecord handedOut = state.read(id).orElseThrow().touched(clock.instant())
            .withBrowserVersion(version);
        state.replace(handedOut);
        return handedOut;
      });
    } catch (IOException | RuntimeException e) {
      processes.remove(id);
      Endings.endAndClear(id, Optional.of(process.toHandle()), profile, state.profilesPath(),
          settings.stopGrace());
      state.read(id).ifPresent(r -> state.replace(r.ended(SessionStatus.ERROR, clock.instant(),
          "start failed: " + e.getMessage())));
      throw e instanceof ProviderUnavailableException pue ? pue
          : new ProviderUnavailableException("Chromium started but the session could not be"
              + " set up: " + e.getMessage(), NAME, 0, e);
    }
    if (checking.compareAndSet(false, true)) {
      checker.scheduleWithFixedDelay(this::checkOwnSessions, CHECK_INTERVAL.toMillis(),
          CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
    return toInfo(record);
  }

  private Process launch(List<String> command, Path profile) {
    try {
      return new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      DirectoryTrees.deleteTree(profile);
      throw new ProviderConfigurationException(
          "Cannot start Chromium at " + settings.chromium() + ": " + e.getMessage()
              + ". Set chrome-path / CHROME_PATH to a working browser, or install one"
              + " (apt-get install chromium).",
          NAME,
          LocalSettings.CHROME_PATH);
    }
  }

  private URI awaitDevToolsUrl(String id, Process process, Path profile) {
    DevToolsLine line = DevToolsLine.watch(process.getErrorStream(), "chromium-stderr-" + id);
    Duration startTimeout = settings.startTimeout();
    try {
      return line.url().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      } else if (e instanceof ExecutionException) {
        awaitExit(process); // its error stream closed: it is exiting; get its exit code
      }
      Endings.endAndClear(id, Optional.of(process.toHandle()), profile, state.profilesPath(),
          settings.stopGrace());
      String why =
          e instanceof TimeoutException
              ? "did not print its DevTools URL within " + startTimeout
                  + " (raise start-timeout if the machine is slow)"
              : "exited before printing its DevTools URL"
                  + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")");
      throw new ProviderUnavailableException(
          "Chromium " + why + "; its last output: " + line.tail(), NAME, 0, e);
    }
  }

  /**
   * Waits until the watchdog has opened the session's relay, starting a watchdog again if none
   * runs (e.g. one that was exiting when the session was recorded).
   */
  private void awaitRelay(String id, Optional<Process> started) throws IOException {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    Optional<Process> watchdog = started;
    while (true) {
      Optional<SessionRecord> r = state.read(id);
      if (r.isPresent() && r.get().relayPort().isPresent()) {
        return;
      }
      if (r.isPresent() && r.get().status().isTerminal()) {
        throw new IOException("the session ended while starting: "
            + r.get().closeReason().orElse("unknown"));
      }
      watchdog = WatchdogLauncher.ensureRunning(state, settings.recordRetention(),
          settings.stopGrace(), watchdog);
      if (System.nanoTime() - deadline >= 0) {
        throw new IOException("the watchdog did not open the session's CDP relay within "
            + settings.startTimeout() + "; see " + state.path().resolve("watchdog.log"));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  @Override
  public SessionInfo status(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    SessionInfo info = read(sessionId);
    if (info.status().isTerminal() && processes.containsKey(sessionId)) {
      // Due but not yet ended by this provider's check: run the check now rather than at its
      // next tick, and report the session once it really has ended.
      try {
        checker.execute(this::checkOwnSessions);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // closed: the watchdog ends it
      }
      long deadline = System.nanoTime() + CHECK_INTERVAL.multipliedBy(4).toNanos();
      while (processes.containsKey(sessionId) && System.nanoTime() - deadline < 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      return read(sessionId);
    }
    return info;
  }

  private SessionInfo read(String sessionId) {
    synchronized (lock(sessionId)) {
      SessionRecord record = state.read(sessionId)
          .orElseThrow(() -> new SessionNotFoundException(sessionId, NAME));
      Optional<Endings.Ending> ending = Endings.due(record, clock.instant(), exitCode(record));
      if (ending.isPresent()) {
        return toInfo(Endings.apply(record, ending.get()));
      }
      if (record.status().isTerminal()) {
        return toInfo(record);
      }
      // A status call is activity; only the record's time changes.
      return toInfo(state.locked(sessionId, () -> {
        SessionRecord fresh = state.read(sessionId).orElse(record);
        if (fresh.status().isTerminal()) {
          return fresh;
        }
        SessionRecord touched = fresh.touched(clock.instant());
        state.replace(touched);
        return touched;
      }));
    }
  }

  @Override
  public SessionInfo stop(String sessionId) {
    RequestChecks.requireValidId(sessionId);
    synchronized (lock(sessionId)) {
      if (state.read(sessionId).isEmpty()) {
        throw new SessionNotFoundException(sessionId, NAME); // leaves no lock file behind
      }
      return toInfo(state.locked(sessionId, () -> {
        SessionRecord record = state.read(sessionId)
            .orElseThrow(() -> new SessionNotFoundException(sessionId, NAME));
        if (record.status().isTerminal()) {
          return record;
        }
        Endings.Ending ending = Endings.due(record, clock.instant(), exitCode(record))
            .orElse(new Endings.Ending(SessionStatus.CLOSED, clock.instant(), "stopped"));
        end(record);
        SessionRecord ended = Endings.apply(record, ending);
        state.replace(ended);
        return ended;
      }));
    }
  }

  /**
   * Lists the recorded sessions. Reads only: records are forgotten by the watchdog's sweep
   * {@code record-retention} after their session ended.
   */
  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    Objects.requireNonNull(filter, "filter");
    Instant now = clock.instant();
    return state.readAll().stream()
        .map(r -> Endings.due(r, now, exitCode(r)).map(e -> Endings.apply(r, e)).orElse(r))
        .map(LocalProvider::toInfo)
        .filter(filter::matches)
        .toList();
  }

  /** Stops this provider's background check; sessions keep running (see {@code detach}). */
  @Override
  public void close() {
    checker.shutdownNow();
  }

  @Override
  public String toString() {
    return "LocalProvider[chromium=" + settings.chromium() + ", stateDir=" + state.path() + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private Object lock(String id) {
    return locks.computeIfAbsent(id, k -> new Object());
  }

  private Optional<Integer> exitCode(SessionRecord record) {
    Process own = processes.get(record.id());
    return own != null && !own.isAlive() ? Optional.of(own.exitValue()) : Optional.empty();
  }

  private void end(SessionRecord record) {
    List<ProcessHandle> left = Endings.endBrowser(record, state.profilesPath(),
        settings.stopGrace());
    if (!left.isEmpty()) {
      throw new ProviderUnavailableException("Processes "
          + left.stream().map(h -> Long.toString(h.pid())).toList() + " of session '"
          + record.id() + "' did not exit within twice stop-grace (" + settings.stopGrace()
          + ") after being killed; the session is still recorded as running, stop it again",
          NAME, 0, null);
    }
    Process own = processes.remove(record.id());
    if (own != null) {
      own.destroyForcibly();
    }
  }

  private static void awaitExit(Process process) {
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends the sessions this provider started whose limit passed on its clock. A session whose
   * ending failed (its processes outlived twice stop-grace, or its record could not be written) is
   * tried again only after the watchdog's growing pauses ({@link Retries}), not every tick: each
   * try holds the session's lock, which {@code status} and {@code stop} wait for, for as long as
   * an ending takes.
   */
  private void checkOwnSessions() {
    for (String id : List.copyOf(processes.keySet())) {
      Instant now = Instant.now();
      if (!retries.due(id, now)) {
        continue;
      }
      try {
        synchronized (lock(id)) {
          state.locked(id, () -> {
            state.read(id).ifPresentOrElse(r -> {
              if (r.status().isTerminal()) {
                processes.remove(id);
                return;
              }
              Endings.due(r, clock.instant(), exitCode(r)).ifPresent(e -> {
                end(r);
                state.replace(Endings.apply(r, e));
              });
            }, () -> processes.remove(id));
            return null;
          });
        }
        retries.tried(id, now, true);
      } catch (RuntimeException e) {
        retries.tried(id, now, false); // tried again after a pause, or by the next call on it
      }
    }
    retries.retainAll(processes.keySet());
  }

  private static SessionInfo toInfo(SessionRecord r) {
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
            .attribute("browser", r.browserVersion().orElse(null))
            .attribute("detached", r.owner().isEmpty());
    if (!r.status().isTerminal()) {
      b.cdpUrl(r.publicCdpUrl());
    }
    return b.build();
  }
}
