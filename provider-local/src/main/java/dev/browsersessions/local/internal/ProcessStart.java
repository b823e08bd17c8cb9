package dev.browsersessions.local.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a process started, to tell a reused pid apart, read two ways. The JDK's instant is the
 * boot time plus the process's start since boot, and each JVM reads the boot time once, as the
 * wall clock then gives it: two JVMs that start on either side of a clock adjustment (NTP
 * stepping a fresh machine's clock, a resumed VM) disagree by the size of that adjustment. The
 * kernel's start in clock ticks since boot ({@code /proc/<pid>/stat}) never changes, so it
 * decides wherever it is known; the instant, within a second, only where it is not (not Linux,
 * or a record written without it).
 *
 * @param instant when the process started, as the JDK reports it
 * @param bootTicks its start in clock ticks since boot, where the platform tells it
 */
public record ProcessStart(Instant instant, OptionalLong bootTicks) {

  /**
   * How a running process's start reads now.
   *
   * @param h the process
   * @return its start, empty where the platform tells no start time
   */
  public static Optional<ProcessStart> of(ProcessHandle h) {
    return h.info().startInstant().map(at -> new ProcessStart(at, bootTicks(h.pid())));
  }

  /**
   * Whether a running process is the one that started at this time.
   *
   * @param h the process
   * @return {@code true} if its start matches (the ticks exactly, else the instant within a
   *     second, or no start is known)
   */
  public boolean matches(ProcessHandle h) {
    return matches(h, bootTicks(h.pid()));
  }

  /**
   * Whether a running process is the one that started at this time, its ticks since boot
   * already read.
   *
   * @param h the process
   * @param now its start in ticks since boot as read now, empty where unknown
   * @return as {@link #matches(ProcessHandle)}
   */
  boolean matches(ProcessHandle h, OptionalLong now) {
    if (bootTicks.isPresent()) {
      if (now.isPresent()) {
        return now.getAsLong() == bootTicks.getAsLong();
      }
    }
    return h.info().startInstant()
        .map(s -> Math.abs(s.getEpochSecond() - instant.getEpochSecond()) <= 1)
        .orElse(true);
  }

  /**
   * A process's start in clock ticks since boot: field 22 of {@code /proc/<pid>/stat}.
   *
   * @param pid the process id
   * @return the ticks, empty where there is no {@code /proc} or the process is gone
   */
  static OptionalLong bootTicks(long pid) {
    return ProcStat.read(pid).map(ProcStat::startTicks).orElse(OptionalLong.empty());
  }
}
