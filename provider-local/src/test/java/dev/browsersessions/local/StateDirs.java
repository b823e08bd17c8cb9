package dev.browsersessions.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.local.internal.DirectoryTrees;
import dev.browsersessions.local.internal.Watchdog;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;

/**
 * State directories for tests on real browsers: one per test under a class-wide base, so that
 * each test sees only its own sessions, and a clean-up that stops what is left and ends the
 * watchdogs before the base directory is deleted.
 */
final class StateDirs {

  private StateDirs() {}

  /**
   * A fresh state directory for the running test.
   *
   * @param base the class's temporary directory
   * @param test the running test
   * @return a path that does not exist yet
   */
  static Path fresh(Path base, TestInfo test) {
    return base.resolve(test.getTestMethod().orElseThrow().getName() + "-"
        + Long.toHexString(System.nanoTime()));
  }

  /**
   * Stops every live session recorded under the base directory, then deletes each state
   * directory and waits for its watchdog to exit. A watchdog exits within a tick once its
   * directory is gone, so the clean-up does not wait out its linger (its own exit after the last
   * session is checked by {@link LocalLifetimeTest}).
   *
   * @param base the class's temporary directory
   */
  static void cleanUp(Path base) {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(base)) {
      dirs = s.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path dir : dirs) {
      if (!Files.exists(dir.resolve(Watchdog.LOCK_FILE))) {
        continue;
      }
      try (BrowserSessionProvider p = RealChromium.provider(dir)) {
        p.list(SessionFilter.active()).stream().map(SessionInfo::id).forEach(p::stop);
      }
    }
    dirs.forEach(StateDirs::deleteAndAwaitWatchdog);
  }

  /**
   * Deletes a state directory and waits (bounded) for its watchdog, if one runs, to exit: it
   * does within a tick of its directory being gone.
   *
   * @param dir the state directory
   */
  static void deleteAndAwaitWatchdog(Path dir) {
    Optional<ProcessHandle> watchdog = watchdogOf(dir);
    assertThat(DirectoryTrees.deleteTree(dir)).as("deleted " + dir).isTrue();
    watchdog.ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
  }

  private static Optional<ProcessHandle> watchdogOf(Path dir) {
    try {
      return Optional.of(Long.parseLong(
          Files.readString(dir.resolve(Watchdog.PID_FILE)).trim())).flatMap(ProcessHandle::of);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // none runs, or it is just exiting
    }
  }
}
