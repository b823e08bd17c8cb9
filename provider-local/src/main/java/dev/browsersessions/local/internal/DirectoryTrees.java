package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes directory trees. */
public final class DirectoryTrees {

  private DirectoryTrees() {}

  /**
   * Deletes a directory and everything in it; a second pass catches files written while the
   * first ran.
   *
   * @param dir the directory
   * @return {@code true} if it no longer exists
   */
  public static boolean deleteTree(Path dir) {
    for (int pass = 0; pass < 3 && Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS); pass++) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException e) {
        // Something changed under us; try again.
      }
    }
    return !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }
}
