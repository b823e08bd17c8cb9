package dev.browsersessions.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Finds and ends a browser's process tree. */
public final class ProcessTree {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final int MAX_COMMAND_LINE = 256 * 1024;

  private ProcessTree() {}

  /**
   * The live process with this pid, if it is the one recorded (a pid can be reused).
   *
   * @param pid the process id
   * @param recordedStart when the recorded process started, if known
   * @return the process, when it is alive and matches
   */
  public static Optional<ProcessHandle> find(long pid, Optional<ProcessStart> recordedStart) {
    Optional<ProcessHandle> alive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (alive.isEmpty()) {
      return alive;
    }
    Optional<ProcStat> stat = ProcStat.read(pid); // read once for both the state and the start
    if (stat.isPresent() && stat.get().isZombie()) {
      return Optional.empty();
    }
    java.util.OptionalLong ticks =
        stat.map(ProcStat::startTicks).orElse(java.util.OptionalLong.empty());
    return alive.filter(h -> recordedStart.isEmpty() || recordedStart.get().matches(h, ticks));
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
      long pid, Optional<ProcessStart> recordedStart, Path profileDir) {
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
    return procCommandLine(h.pid())
        .orElseGet(() -> h.info().arguments().map(List::of).orElse(List.of()));
  }

  /** {@code /proc/<pid>/cmdline} split at its NULs; read in small chunks, at most 256 KiB. */
  private static Optional<List<String>> procCommandLine(long pid) {
    try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "cmdline"))) {
      byte[] raw = in.readNBytes(MAX_COMMAND_LINE);
      return raw.length == 0 ? Optional.empty()
          : Optional.of(List.of(new String(raw, StandardCharsets.UTF_8).split("\0")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no /proc (not Linux), or the process just went away
    }
  }

  /**
   * A process and all its descendants, the process first.
   *
   * @param root the process
   * @return the tree as it is now
   */
  public static List<ProcessHandle> treeOf(ProcessHandle root) {
    List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
    tree.add(0, root);
    return tree;
  }

  /**
   * Ends processes by a deadline: a polite termination first, a forced one once {@code grace}
   * has passed (or at once if the deadline comes sooner), then waits until the deadline at most.
   *
   * @param processes the processes
   * @param grace how long to wait after the polite request
   * @param deadlineNanos the {@link System#nanoTime()} by which to give up waiting
   * @return the processes still running when it gave up, none if all are gone
   */
  public static List<ProcessHandle> end(List<ProcessHandle> processes, Duration grace,
      long deadlineNanos) {
    processes.forEach(ProcessHandle::destroy);
    long politeUntil = System.nanoTime() + grace.toNanos();
    if (awaitAll(processes, politeUntil - deadlineNanos < 0 ? politeUntil : deadlineNanos)) {
      return List.of();
    }
    processes.forEach(ProcessHandle::destroyForcibly);
    awaitAll(processes, deadlineNanos);
    return processes.stream().filter(ProcessTree::isRunning).toList();
  }

  /**
   * This user's running processes that carry a profile directory's {@code --user-data-dir} flag,
   * this JVM excepted. Chromium's helpers (zygotes, renderers, the network and storage services)
   * carry it too, in a title that joins all their arguments with spaces. So this finds a helper
   * that was forked after the browser's tree was read, or that a browser which died left behind,
   * either of which may still write into the profile. Reads {@code /proc}; elsewhere finds none.
   *
   * @param profileDir the profile directory, exactly as on the command line
   * @return the processes, possibly none
   */
  public static List<ProcessHandle> carrying(Path profileDir) {
    String flag = ChromiumCommand.USER_DATA_DIR + profileDir;
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(h -> h.pid() != self)
        .filter(h -> PosixUser.owns(Path.of("/proc", Long.toString(h.pid()))))
        .filter(h -> carries(procCommandLine(h.pid()).orElse(List.of()), flag))
        .filter(ProcessTree::isRunning)
        .toList();
  }

  /**
   * Whether arguments carry a flag: as an argument of its own, or as a whole word of a title that
   * joins the arguments with spaces.
   *
   * @param args the arguments
   * @param flag the flag with its value
   * @return {@code true} if one of them carries it
   */
  static boolean carries(List<String> args, String flag) {
    for (String arg : args) {
      for (int at = arg.indexOf(flag); at >= 0; at = arg.indexOf(flag, at + 1)) {
        int end = at + flag.length();
        if ((at == 0 || arg.charAt(at - 1) == ' ')
            && (end == arg.length() || arg.charAt(end) == ' ')) {
          return true;
        }
      }
    }
    return false;
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
    return ProcStat.read(h.pid()).map(stat -> !stat.isZombie())
        .orElseGet(h::isAlive); // no /proc (not Linux) or the process just went away
  }

  /** Waits until none runs or the deadline passes; looks at least once. */
  private static boolean awaitAll(List<ProcessHandle> handles, long deadline) {
    while (handles.stream().anyMatch(ProcessTree::isRunning)) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return true;
  }
}
