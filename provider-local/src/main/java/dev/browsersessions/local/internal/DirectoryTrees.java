package dev.browsersessions.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** Deletes directory trees. */
public final class DirectoryTrees {

  private static final int QUICK_PASSES = 3;
  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private DirectoryTrees() {}

  /**
   * Deletes a directory and everything in it, in up to three passes: a later pass catches files
   * written while an earlier one ran.
   *
   * @param dir the directory
   * @return {@code true} if it no longer exists
   */
  public static boolean deleteTree(Path dir) {
    return deleteTree(dir, Duration.ZERO);
  }

  /**
   * Deletes a directory and everything in it: three passes at once, then a pass every 10 ms
   * while it still exists, until {@code patience} has passed since the first.
   *
   * @param dir the directory
   * @param patience how long to keep trying after the first three passes failed
   * @return {@code true} if it no longer exists
   */
  public static boolean deleteTree(Path dir, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    for (int pass = 0; Files.exists(dir, LinkOption.NOFOLLOW_LINKS); pass++) {
      if (pass >= QUICK_PASSES) {
        if (System.nanoTime() - deadline >= 0) {
          return false;
        }
        LockSupport.parkNanos(PAUSE_NANOS);
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // Something changed under us; try again.
      }
    }
    return true;
  }
}
