package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Logger;

/**
 * Deletes browser profile directories, but only ones this provider made: a session's own
 * {@code <profiles>/<id>}, a real directory (not a link), owned by this user. A record naming any
 * other path deletes nothing.
 */
public final class ProfileDirectories {

  private static final Logger LOG = Logger.getLogger(ProfileDirectories.class.getName());

  private ProfileDirectories() {}

  /**
   * Whether a path is the profile directory a session of this id has: {@code <profiles>/<id>},
   * with nothing to resolve ({@code .}, {@code ..}) in the id. Reads nothing; the directory need
   * not exist. Only then may a record act on that profile: end the processes that carry it,
   * delete it.
   *
   * @param profiles the state directory's {@code profiles} folder (absolute, normalized)
   * @param id the session id
   * @param dir the recorded profile directory
   * @return {@code true} if {@code dir} is that session's own profile
   */
  public static boolean isSessions(Path profiles, String id, Path dir) {
    Path own = profiles.resolve(id);
    return profiles.equals(own.getParent()) && own.normalize().equals(own) && own.equals(dir);
  }

  /**
   * Whether a session's profile directory is there and may be deleted: it is the session's own
   * ({@link #isSessions}), a real directory (not a link), owned by this user, in a {@code
   * profiles} folder that is itself a real directory owned by this user (a {@code profiles} that
   * is a link to, say, the home directory would otherwise make {@code <profiles>/<id>} one of the
   * user's own folders).
   *
   * @param profiles the state directory's {@code profiles} folder
   * @param id the session id
   * @param dir the recorded profile directory
   * @return {@code true} if {@link #deleteIfOurs} would delete it
   */
  public static boolean isDeletable(Path profiles, String id, Path dir) {
    if (!isSessions(profiles, id, dir)) {
      return false;
    }
    return isOwnRealDirectory(profiles) && isOwnRealDirectory(dir);
  }

  /** A directory that is not a link, owned by this user (where the platform tells owners). */
  private static boolean isOwnRealDirectory(Path p) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isDirectory() && !a.isSymbolicLink()
          && (PosixUser.current().isEmpty() || PosixUser.owns(p));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Deletes a session's profile directory if {@link #isDeletable} holds; otherwise leaves it,
   * with a warning if something is there. Warns too if it cannot be deleted (something still
   * writes into it).
   *
   * @param profiles the state directory's {@code profiles} folder
   * @param id the session id
   * @param dir the recorded profile directory
   * @return {@code true} if it no longer exists at that path
   */
  public static boolean deleteIfOurs(Path profiles, String id, Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!isDeletable(profiles, id, dir)) {
      LOG.warning("Not deleting " + dir + ": it is not the profile directory of session " + id
          + " in " + profiles);
      return false;
    }
    if (!DirectoryTrees.deleteTree(dir)) {
      LOG.warning("Could not delete the profile directory " + dir + ": something still writes"
          + " into it");
      return false;
    }
    return true;
  }
}
