package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
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
   * Whether a path is the profile directory a session of this id would have: directly in
   * {@code profiles}, named by the id. Reads nothing; the directory need not exist.
   *
   * @param profiles the state directory's {@code profiles} folder
   * @param id the session id
   * @param dir the recorded profile directory
   * @return {@code true} if a record naming {@code dir} may act on that profile's processes
   */
  public static boolean isSessions(Path profiles, String id, Path dir) {
    return dir.equals(profiles.resolve(id));
  }

  /**
   * Deletes a session's profile directory if it is that session's ({@link #isSessions}) and
   * {@link #isOurs} holds; otherwise leaves it, with a warning if it exists. Leaves it too, with a
   * warning, if it cannot be deleted within {@code patience}.
   *
   * @param profiles the state directory's {@code profiles} folder
   * @param id the session id
   * @param dir the recorded profile directory
   * @param patience how long to keep trying once quick attempts failed
   * @return {@code true} if it no longer exists at that path
   */
  public static boolean deleteIfOurs(Path profiles, String id, Path dir, Duration patience) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!isSessions(profiles, id, dir) || !isOurs(profiles, dir)) {
      LOG.warning("Not deleting " + dir + ": it is not the profile directory of session " + id
          + " in " + profiles);
      return false;
    }
    if (!DirectoryTrees.deleteTree(dir, patience)) {
      LOG.warning("Could not delete the profile directory " + dir + " within " + patience
          + "; the watchdog tries again while it runs");
      return false;
    }
    return true;
  }
}
