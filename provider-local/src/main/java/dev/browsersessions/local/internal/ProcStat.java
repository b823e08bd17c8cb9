package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code /proc/<pid>/stat} says of a process, read once: its state and its start in clock
 * ticks since boot. The one parser of that file.
 *
 * @param state the state letter (field 3): {@code R}, {@code S}, {@code Z} for a zombie, …
 * @param startTicks its start in clock ticks since boot (field 22), if the line has it
 */
record ProcStat(char state, OptionalLong startTicks) {

  /**
   * Reads a process's stat line.
   *
   * @param pid the process id
   * @return what it says, empty where there is no {@code /proc} or the process is gone
   */
  static Optional<ProcStat> read(long pid) {
    try {
      return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses a stat line: "pid (comm) state ppid ...". The comm may hold spaces and parentheses,
   * so the fields are counted from the last ')': the state is the first after it, the start time
   * (field 22) the 20th.
   *
   * @param stat the line
   * @return what it says, empty if it is not such a line
   */
  static Optional<ProcStat> parse(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.length()) {
      return Optional.empty();
    }
    String[] fields = stat.substring(close + 2).trim().split(" ");
    OptionalLong ticks = OptionalLong.empty();
    if (fields.length > 19) {
      try {
        ticks = OptionalLong.of(Long.parseLong(fields[19]));
      } catch (NumberFormatException e) {
        // no start time on this line
      }
    }
    return Optional.of(new ProcStat(stat.charAt(close + 2), ticks));
  }

  /**
   * Whether the process is a zombie: dead, waiting for its parent or init to reap it.
   *
   * @return {@code true} if it is
   */
  boolean isZombie() {
    return state == 'Z';
  }
}
