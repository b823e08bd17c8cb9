package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The detached watchdog: one small JVM per state directory that outlives the programs that start
 * sessions. It opens each live session's {@link Relay}, writes the relay's port into the record,
 * turns the relay's traffic into the record's last activity, and ends sessions whose idle timeout
 * or maximum duration passed, whose owner process exited (unless detached), or whose browser
 * died. It deletes an ended session's profile that a stop could not (see {@link
 * Endings#clearLeftovers}), trying again after growing pauses ({@link Retries}) for as long as
 * the profile is there, and sweeps records of sessions that ended longer ago than the retention,
 * but never the record of a session whose profile is still there. It exits once no live session
 * and no such profile has been left for {@link #LINGER}.
 *
 * <p>Only one runs per state directory: it holds an exclusive lock on {@code watchdog.lock}
 * while it runs, and a second one exits at once.
 */
public final class Watchdog {

  /** How often the watchdog looks at the records at the latest (changes wake it sooner). */
  public static final Duration TICK = Duration.ofMillis(250);
  /** How long it stays with nothing to watch before it exits. */
  public static final Duration LINGER = Duration.ofSeconds(3);
  /** Relay traffic is written to the record when it is at least this much newer. */
  public static final Duration FLUSH = TICK;
  /** The lock file a running watchdog holds. */
  public static final String LOCK_FILE = "watchdog.lock";
  /** The file a running watchdog writes its pid to (informational; never used to kill). */
  public static final String PID_FILE = "watchdog.pid";

  private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());

  private final StateDirectory state;
  private final Path profiles;
  private final Duration retention;
  private final Duration stopGrace;
  private final Clock clock;
  private final Cleaner cleaner;
  private final Map<String, Relay> relays = new HashMap<>();
  private final Retries retries = new Retries();

  /**
   * A watchdog on a clock, with a way to clear an ended session's leftovers (tests replace both).
   */
  Watchdog(StateDirectory state, Duration retention, Duration stopGrace, Clock clock,
      Cleaner cleaner) {
    this.state = state;
    this.profiles = state.profilesPath();
    this.retention = retention;
    this.stopGrace = stopGrace;
    this.clock = clock;
    this.cleaner = cleaner;
  }

  /** Clears an ended session's leftovers, as {@link Endings#clearLeftovers} does. */
  @FunctionalInterface
  interface Cleaner {
    /**
     * Clears them.
     *
     * @param r the ended record
     * @param profiles the profiles folder
     * @param grace the stop grace
     * @return {@code true} if nothing is left
     */
    boolean clear(SessionRecord r, Path profiles, Duration grace);
  }

  /**
   * Runs the watchdog.
   *
   * @param args the state directory, the record retention and the stop grace (ISO-8601 durations)
   * @throws IOException if the state directory cannot be watched
   */
  public static void main(String[] args) throws IOException {
    StateDirectory state = new StateDirectory(Path.of(args[0]));
    if (!state.exists()) {
      return; // removed before this JVM got going: never create it again
    }
    state.ensureSecure();
    Path lockFile = state.path().resolve(LOCK_FILE);
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return; // another watchdog serves this directory
      }
      Path pidFile = state.path().resolve(PID_FILE);
      Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
      try {
        new Watchdog(state, Duration.parse(args[1]), Duration.parse(args[2]),
            Clock.systemUTC(), Endings::clearLeftovers).run();
      } finally {
        Files.deleteIfExists(pidFile);
        lock.release();
      }
    }
    System.exit(0); // relay threads are daemons, but do not wait for anything
  }

  /**
   * Whether a watchdog holds the lock of a state directory right now.
   *
   * @param state the state directory
   * @return {@code true} if one runs
   */
  public static boolean isRunning(StateDirectory state) {
    Path lockFile = state.path().resolve(LOCK_FILE);
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock probe = ch.tryLock();
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return true; // this JVM holds it (a watchdog run in-process by a test)
    } catch (IOException e) {
      return false;
    }
  }

  private void run() throws IOException {
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      state.path().register(watch, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY);
      Instant idleSince = null;
      while (Files.isDirectory(state.path(), LinkOption.NOFOLLOW_LINKS)) {
        int live;
        try {
          live = round();
        } catch (RuntimeException e) {
          LOG.warning("Watchdog: " + e); // e.g. the directory was removed under it: checked above
          live = 0; // a lasting failure must not keep it running: it exits after its linger
        }
        Instant now = clock.instant();
        if (live > 0) {
          idleSince = null;
        } else if (idleSince == null) {
          idleSince = now;
        } else if (!now.isBefore(idleSince.plus(LINGER))) {
          relays.values().forEach(Relay::close);
          return;
        }
        try {
          var key = watch.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      relays.values().forEach(Relay::close); // the state directory was deleted
    }
  }

  /**
   * One look at every record; returns how many sessions still need the watchdog: the live ones,
   * and the ended ones whose profile is still there (tried again after {@link Retries}' pauses,
   * their records kept past the retention until the profile is gone, so that no profile is left
   * with no record naming it).
   */
  int round() {
    int live = 0;
    Instant now = clock.instant();
    Set<String> seen = new java.util.HashSet<>();
    for (SessionRecord listed : state.readAll()) {
      seen.add(listed.id());
      if (listed.status().isTerminal()) {
        boolean leftovers = Endings.hasLeftovers(listed, profiles);
        boolean sweepDue = listed.closedAt().filter(at -> at.plus(retention).isBefore(now))
            .isPresent();
        if (leftovers && !retries.due(listed.id(), now)) {
          live++; // its clean-up failed: kept running to try again after the pause
          continue;
        }
        if (!leftovers && !sweepDue) {
          continue; // ended, not yet due for the sweep: nothing to do, no lock taken
        }
      }
      try {
        if (watchOne(listed.id(), now)) {
          live++;
        }
      } catch (RuntimeException e) {
        LOG.warning("Watchdog: session " + listed.id() + ": " + e);
        live++; // try again next round
      }
    }
    Set<String> gone = relays.keySet().stream()
        .filter(id -> !seen.contains(id) || state.read(id).map(r -> r.status().isTerminal())
            .orElse(true))
        .collect(Collectors.toSet());
    gone.forEach(id -> relays.remove(id).close());
    retries.retainAll(seen);
    return live;
  }

  private boolean watchOne(String id, Instant now) {
    return state.locked(id, () -> {
      Optional<SessionRecord> read = state.read(id);
      if (read.isEmpty()) {
        return false;
      }
      SessionRecord r = read.get();
      if (r.status().isTerminal()) {
        closeRelay(id);
        if (retries.due(id, now)) {
          retries.tried(id, now, cleaner.clear(r, profiles, stopGrace));
        }
        if (Endings.hasLeftovers(r, profiles)) {
          return true; // the record is kept, so that the profile is tried again
        }
        if (r.closedAt().filter(at -> at.plus(retention).isBefore(now)).isPresent()) {
          state.delete(id);
        }
        return false;
      }
      Relay relay = relays.get(id);
      if (relay != null && relay.lastClientTraffic().isAfter(r.lastActiveAt())) {
        SessionRecord recorded = r;
        r = r.touched(relay.lastClientTraffic());
        if (!recorded.lastActiveAt().plus(FLUSH).isAfter(r.lastActiveAt())) {
          state.replace(r); // coarse, so that a driven session costs at most one write a tick
        }
      }
      Optional<Endings.Ending> ending = Endings.due(r, now, Optional.empty());
      if (ending.isPresent()) {
        if (!retries.due(id, now)) {
          return true; // its processes outlived the last try: tried again after a pause
        }
        closeRelay(id);
        List<ProcessHandle> left = Endings.endBrowser(r, profiles, stopGrace);
        retries.tried(id, now, left.isEmpty());
        if (!left.isEmpty()) {
          LOG.warning("Watchdog: session " + id + " is due to end (" + ending.get().reason()
              + ") but its processes " + left.stream().map(ProcessHandle::pid).toList()
              + " did not exit within twice stop-grace after being killed; trying again");
          return true;
        }
        state.replace(Endings.apply(r, ending.get()));
        return false;
      }
      if (relay == null) {
        try {
          relay = Relay.open(r.cdpUrl().getPort(), id, clock);
        } catch (IOException e) {
          throw new dev.browsersessions.BrowserSessionException(
              "cannot open the CDP relay of session " + id + ": " + e, "local", 0, true, e);
        }
        relays.put(id, relay);
        state.replace(r.withRelay(relay.port()));
      }
      return true;
    });
  }

  private void closeRelay(String id) {
    Relay relay = relays.remove(id);
    if (relay != null) {
      relay.close();
    }
  }
}
