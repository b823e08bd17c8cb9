package dev.browsersessions.local.internal;

import dev.browsersessions.SessionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
   * and deletes its profile only if it is one of the state directory's own.
   *
   * @param r the record
   * @param profiles the state directory's profiles folder
   * @param grace how long the browser may take to exit before it is killed
   * @return {@code true} if no recorded browser is left running
   */
  public static boolean endBrowser(SessionRecord r, Path profiles, Duration grace) {
    boolean gone = ProcessTree.findBrowser(r.pid(), r.processStart(), r.profileDir())
        .map(h -> ProcessTree.kill(h, grace))
        .orElse(true);
    ProfileDirectories.deleteIfOurs(profiles, r.profileDir());
    return gone;
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
