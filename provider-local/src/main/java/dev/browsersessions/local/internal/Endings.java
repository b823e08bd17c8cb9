package dev.browsersessions.local.internal;

import dev.browsersessions.SessionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
   * Ends a record's browser as {@link #endAndClear} does, if it is provably the recorded browser.
   *
   * @param r the record
   * @param profiles the state directory's profiles folder
   * @param grace how long the browser may take to exit before it is killed
   * @return the session's processes still running, none when it has ended
   */
  public static List<ProcessHandle> endBrowser(SessionRecord r, Path profiles, Duration grace) {
    return endAndClear(r.id(), ProcessTree.findBrowser(r.pid(), r.processStart(), r.profileDir()),
        r.profileDir(), profiles, grace);
  }

  /**
   * The one way a browser ends, whether its session stops, times out or fails to start. Its
   * process tree first, politely, then forcibly after {@code grace}. Then every process that still
   * carries the session's own profile: a helper Chromium forked after the tree was read, or one a
   * browser that died left behind, either of which writes into the profile. Then the profile
   * itself. Waiting for processes to exit takes at most twice {@code grace} in all (one deadline
   * for both); the scan of {@code /proc} for carriers and deleting the profile come on top (their
   * time grows with the number of processes and the profile's size), as does a caller's own wait,
   * e.g. the failed start's 2 s for Chromium's exit code. Processes are looked for, and the
   * profile deleted, only when {@code profileDir} is the one a session of {@code id} has
   * ({@link ProfileDirectories#isSessions}): a record naming another profile ends nobody else's
   * browser and deletes nobody else's profile.
   *
   * @param id the session id
   * @param browser the browser process, if it is provably this session's and still running
   * @param profileDir the recorded profile directory
   * @param profiles the state directory's profiles folder
   * @param grace how long the browser may take to exit before it is killed
   * @return the session's processes still running at the end, none when it has ended
   */
  public static List<ProcessHandle> endAndClear(String id, Optional<ProcessHandle> browser,
      Path profileDir, Path profiles, Duration grace) {
    long deadline = System.nanoTime() + grace.multipliedBy(2).toNanos();
    List<ProcessHandle> left = new ArrayList<>(
        browser.map(h -> ProcessTree.end(ProcessTree.treeOf(h), grace, deadline))
            .orElse(List.of()));
    if (ProfileDirectories.isSessions(profiles, id, profileDir)) {
      List<ProcessHandle> carrying = ProcessTree.carrying(profileDir).stream()
          .filter(h -> left.stream().noneMatch(l -> l.pid() == h.pid()))
          .toList();
      if (!carrying.isEmpty()) {
        left.addAll(ProcessTree.end(carrying, grace, deadline));
      }
    }
    ProfileDirectories.deleteIfOurs(profiles, id, profileDir);
    return List.copyOf(left);
  }

  /**
   * Whether an ended record's own profile is still there (its deletion lost a race with a process
   * that kept writing into it) and may be deleted. Reads file attributes only.
   *
   * @param r the record
   * @param profiles the state directory's profiles folder
   * @return {@code true} if {@link #clearLeftovers} has work to do
   */
  public static boolean hasLeftovers(SessionRecord r, Path profiles) {
    return r.status().isTerminal()
        && ProfileDirectories.isDeletable(profiles, r.id(), r.profileDir());
  }

  /**
   * For an ended record whose profile is still there: ends whatever still carries the profile
   * and deletes it, as {@link #endAndClear} does.
   *
   * @param r the record
   * @param profiles the state directory's profiles folder
   * @param grace how long a process may take to exit before it is killed
   * @return {@code true} if nothing is left: no process carries the profile and it is gone
   */
  public static boolean clearLeftovers(SessionRecord r, Path profiles, Duration grace) {
    if (!hasLeftovers(r, profiles)) {
      return true;
    }
    return endAndClear(r.id(), Optional.empty(), r.profileDir(), profiles, grace).isEmpty()
        && !hasLeftovers(r, profiles);
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
