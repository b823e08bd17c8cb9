package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Logger;

/**
 * Deletes browser profile directories, but only ones this provider made: directly under the
 * state directory's {@code profiles} folder, a real directory (not a link), owned by this user.
 * A record naming any other path deletes nothing.
 */
public final class ProfileDirectories {

  private static final Logger LOG = Logger.getLogger(ProfileDirectories.class.getName());

  private ProfileDirectories() {}

  /**
   * Whether a path is a profile directory this provider may delete.
   *
   * @param profiles the state directory's {@code profiles} folder
   * @param dir the recorded profile directory
   * @return {@code true} if it lies directly in {@code profiles}, is a real directory and is ours
   */
  public static boolean isOurs(Path profiles, Path dir) {
    Path normal = dir.toAbsolutePath().normalize();
    if (!normal.equals(dir.toAbsolutePath()) || !profiles.equals(normal.getParent())) {
      return false;
    }
    try {
      BasicFileAttributes a =
          Files.readAttributes(normal, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isDirectory() && !a.isSymbolicLink()
          && (PosixUser.current().isEmpty() || PosixUser.owns(normal));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Deletes a profile directory if {@link #isOurs} holds; otherwise leaves it, with a warning if
   * it exists.
   *
   * @param profiles the state directory's {@code profiles} folder
   * @param dir the recorded profile directory
   * @return {@code true} if it no longer exists at that path
   */
  public static boolean deleteIfOurs(Path profiles, Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!isOurs(profiles, dir)) {
      LOG.warning("Not deleting " + dir + ": it is not a profile directory of " + profiles);
      return false;
    }
    return DirectoryTrees.deleteTree(dir);
  }
}
