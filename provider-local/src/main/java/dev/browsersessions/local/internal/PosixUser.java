package dev.browsersessions.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Who this process runs as, and who owns a file, as numeric POSIX user ids. */
public final class PosixUser {

  private static final OptionalInt CURRENT = readCurrent();

  private PosixUser() {}

  /**
   * This process's effective user id ({@code /proc/self} is owned by it).
   *
   * @return the uid, or empty where the platform does not tell
   */
  public static OptionalInt current() {
    return CURRENT;
  }

  /**
   * Whether this process runs as root.
   *
   * @return {@code true} for uid 0, or user name {@code root} where uids are not available
   */
  public static boolean isRoot() {
    return CURRENT.isPresent() ? CURRENT.getAsInt() == 0
        : "root".equals(System.getProperty("user.name"));
  }

  /**
   * The owner of a file, not following a link.
   *
   * @param path the file
   * @return its uid, or empty if it cannot be read
   */
  public static OptionalInt ownerOf(Path path) {
    try {
      Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      return uid instanceof Integer i ? OptionalInt.of(i) : OptionalInt.empty();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Whether this process's user owns a file (not following a link).
   *
   * @param path the file
   * @return {@code true} only when both uids are known and equal
   */
  public static boolean owns(Path path) {
    OptionalInt owner = ownerOf(path);
    return owner.isPresent() && CURRENT.isPresent() && owner.getAsInt() == CURRENT.getAsInt();
  }

  private static OptionalInt readCurrent() {
    try {
      // /proc/self is a link to this process's directory, which its effective user owns.
      Object uid = Files.getAttribute(Path.of("/proc/self/"), "unix:uid");
      return uid instanceof Integer i ? OptionalInt.of(i) : OptionalInt.empty();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return OptionalInt.empty();
    }
  }
}
