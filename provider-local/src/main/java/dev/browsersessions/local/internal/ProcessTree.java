package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Finds and ends a browser's process tree. */
public final class ProcessTree {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private ProcessTree() {}

  /**
   * The live process with this pid, if it is the one recorded (a pid can be reused).
   *
   * @param pid the process id
   * @param recordedStart when the recorded process started, if known
   * @return the process, when it is alive and matches
   */
  public static Optional<ProcessHandle> find(long pid, Optional<Instant> recordedStart) {
    return ProcessHandle.of(pid)
        .filter(ProcessTree::isRunning)
        .filter(
            h ->
                recordedStart.isEmpty()
                    || h.info().startInstant().map(s -> sameSecond(s, recordedStart.get()))
                        .orElse(true));
  }

  /**
   * The live browser of a record, only if it is provably that browser: the pid's start time
   * matches the recorded one and its command line carries the record's profile directory. A
   * record without a start time never matches.
   *
   * @param pid the recorded pid
   * @param recordedStart the recorded start time
   * @param profileDir the recorded profile directory
   * @return the process, when all of that holds
   */
  public static Optional<ProcessHandle> findBrowser(
      long pid, Optional<Instant> recordedStart, Path profileDir) {
    if (recordedStart.isEmpty()) {
      return Optional.empty();
    }
    String flag = ChromiumCommand.USER_DATA_DIR + profileDir;
    return find(pid, recordedStart).filter(h -> commandLine(h).contains(flag));
  }

  /**
   * A process's arguments: {@code /proc/<pid>/cmdline} on Linux (complete), else what the JVM
   * reports.
   *
   * @param h the process
   * @return its arguments, possibly empty
   */
  public static List<String> commandLine(ProcessHandle h) {
    Optional<byte[]> raw = StateDirectory.readSmallRegularFile(
        Path.of("/proc", Long.toString(h.pid()), "cmdline"), 256 * 1024);
    if (raw.isPresent()) {
      return List.of(new String(raw.get(), java.nio.charset.StandardCharsets.UTF_8).split("\0"));
    }
    return h.info().arguments().map(List::of).orElse(List.of());
  }

  /**
   * Ends a process and all its descendants: a polite termination first, then a forced one after
   * the grace period; waits until all are gone (bounded by twice the grace period).
   *
   * @param root the browser process
   * @param grace how long to wait after the polite request
   * @return {@code true} if every process is gone
   */
  public static boolean kill(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
    tree.add(0, root);
    tree.forEach(ProcessHandle::destroy);
    boolean gone = awaitAll(tree, grace);
    if (!gone) {
      tree.forEach(ProcessHandle::destroyForcibly);
      gone = awaitAll(tree, grace);
    }
    return gone;
  }

  /**
   * Whether a process still runs. A zombie (dead, waiting for its parent or init to reap it) does
   * not: Chromium's helper processes linger as zombies for a while after the browser exits.
   *
   * @param h the process
   * @return {@code true} while it runs
   */
  public static boolean isRunning(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
      int close = stat.lastIndexOf(')');
      return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return h.isAlive(); // no /proc (not Linux) or the process just went away
    }
  }

  private static boolean awaitAll(List<ProcessHandle> handles, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handles.stream().anyMatch(ProcessTree::isRunning)) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return true;
  }

  private static boolean sameSecond(Instant a, Instant b) {
    return Math.abs(a.getEpochSecond() - b.getEpochSecond()) <= 1;
  }
}
