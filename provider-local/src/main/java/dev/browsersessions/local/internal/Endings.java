package dev.browsersessions.local.internal;

import dev.browsersessions.SessionStatus;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one set of rules for when a recorded session ends and how, shared by the provider (its
 * calls and its in-process check) and the detached watchdog.
 */
public final class Endings {

  private Endings() {}

  /**
   * Why and when a live record has ended or must end now.
   *
   * @param status the terminal status
   * @param at when it ended
   * @param reason why, in words
   */
  public record Ending(SessionStatus status, Instant at, String reason) {}

  /**
   * Decides whether a record has ended. Reads only; kills and deletes nothing.
   *
   * @param r the record (not terminal)
   * @param now the time
   * @param exitCode the browser's exit code when this process started it and it has exited
   * @return the ending, if one is due
   */
  public static Optional<Ending> due(SessionRecord r, Instant now, Optional<Integer> exitCode) {
    if (r.status().isTerminal()) {
      return Optional.empty();
    }
    if (ProcessTree.findBrowser(r.pid(), r.processStart(), r.profileDir()).isEmpty()) {
      boolean crashed = exitCode.filter(c -> c != 0).isPresent();
      return Optional.of(new Ending(crashed ? SessionStatus.ERROR : SessionStatus.CLOSED, now,
          crashed ? "browser process exited with code " + exitCode.get()
              : "browser process is no longer running"));
    }
    // The idle clock starts once the session is handed out, i.e. its relay is open.
    Optional<SessionRecord.Expiry> expiry = r.relayPort().isPresent() ? r.expiry(now)
        : r.maxDurationExpiry(now);
    if (expiry.isPresent()) {
      return Optional.of(new Ending(SessionStatus.TIMED_OUT, expiry.get().at(),
          expiry.get().reason()));
    }
    if (r.owner().isPresent() && !r.owner().get().isAlive()) {
      return Optional.of(new Ending(SessionStatus.CLOSED, now,
          "the process that started it (pid " + r.owner().get().pid() + ") exited; only"
              + " detached sessions outlive it"));
    }
    return Optional.empty();
  }

  /**
   * Ends a record's browser: kills its process tree only if it is provably the recorded browser,
   * then whatever still carries the session's own profile, and deletes that profile only if it is
   * one of the state directory's own.
   *
   * @param r the record
   * @param profiles the state directory's profiles folder
   * @param grace how long the browser may take to exit before it is killed
   * @return {@code true} if no recorded browser is left running
   */
  public static boolean endBrowser(SessionRecord r, Path profiles, Duration grace) {
    return endAndClear(r.id(), ProcessTree.findBrowser(r.pid(), r.processStart(), r.profileDir()),
        r.profileDir(), profiles, grace);
  }

  /**
   * The one way a browser ends, whether its session stops, times out or fails to start: its
   * process tree first; then every process that still carries the session's own profile (a helper
   * Chromium forked after the tree was read, or one a browser that died left behind), because
   * those write into the profile; then the profile itself, trying for up to {@code grace}.
   * Processes are looked for, and the profile deleted, only when {@code profileDir} is the one a
   * session of {@code id} has: a record naming another profile ends nobody else's browser and
   * deletes nobody else's profile.
   *
   * @param id the session id
   * @param browser the browser process, if it is provably this session's and still running
   * @param profileDir the recorded profile directory
   * @param profiles the state directory's profiles folder
   * @param grace how long the browser may take to exit before it is killed
   * @return {@code true} if none of the session's processes is left running
   */
  public static boolean endAndClear(String id, Optional<ProcessHandle> browser, Path profileDir,
      Path profiles, Duration grace) {
    boolean gone = browser.map(h -> ProcessTree.kill(h, grace)).orElse(true);
    if (ProfileDirectories.isSessions(profiles, id, profileDir)) {
      List<ProcessHandle> left = ProcessTree.carrying(profileDir);
      if (!left.isEmpty()) {
        gone &= ProcessTree.killAll(left, grace);
      }
    }
    ProfileDirectories.deleteIfOurs(profiles, id, profileDir, grace);
    return gone;
  }

  /**
   * Whether an ended record's own profile is still there: its deletion lost a race with a process
   * that kept writing into it. Reads one file attribute.
   *
   * @param r the record
   * @param profiles the state directory's profiles folder
   * @return {@code true} if {@link #clearLeftovers} has work to do
   */
  public static boolean hasLeftovers(SessionRecord r, Path profiles) {
    return r.status().isTerminal()
        && ProfileDirectories.isSessions(profiles, r.id(), r.profileDir())
        && Files.exists(r.profileDir(), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * For an ended record whose profile is still there: ends whatever still carries the profile
   * and deletes it, as {@link #endAndClear} does.
   *
   * @param r the record
   * @param profiles the state directory's profiles folder
   * @param grace how long a process may take to exit before it is killed
   */
  public static void clearLeftovers(SessionRecord r, Path profiles, Duration grace) {
    if (hasLeftovers(r, profiles)) {
      endAndClear(r.id(), Optional.empty(), r.profileDir(), profiles, grace);
    }
  }

  /**
   * The record as ended.
   *
   * @param r the record
   * @param e the ending
   * @return the terminal record
   */
  public static SessionRecord apply(SessionRecord r, Ending e) {
    return r.ended(e.status(), e.at(), e.reason());
  }
}
