package dev.browsersessions.local;

import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.local.internal.StateDirectory;
import dev.browsersessions.local.internal.Watchdog;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;

/**
 * State directories for tests on real browsers: one per test under a class-wide base, so that
 * each test sees only its own sessions, and a clean-up that stops what is left and waits for the
 * watchdogs to exit before the base directory is deleted.
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
   * Stops every live session recorded under the base directory and waits until no watchdog runs
   * there.
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
    for (Path dir : dirs) {
      StateDirectory state = new StateDirectory(dir);
      Polling.until(Watchdog.LINGER.plus(Duration.ofSeconds(10)),
          () -> !Files.exists(dir.resolve(Watchdog.LOCK_FILE)) || !Watchdog.isRunning(state));
    }
  }
}
