package dev.browsersessions.local.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The directory where local sessions are recorded, one {@code <id>.properties} file each, written
 * atomically so that readers in other processes never see half a record.
 *
 * <p>The directory is hostile until checked: it is created owner-only ({@code 0700}) and refused
 * when it is a link, owned by another user, or writable by group or others. Records and lock files
 * are opened without following links, must be regular files and at most {@value #MAX_RECORD_BYTES}
 * bytes; anything else is ignored with a warning, never read to its end.
 */
public final class StateDirectory {

  /** The largest record read; a bigger file is ignored. */
  public static final int MAX_RECORD_BYTES = 64 * 1024;

  private static final Logger LOG = Logger.getLogger(StateDirectory.class.getName());
  private static final String SUFFIX = ".properties";
  private static final String PROFILES = "profiles";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private volatile boolean checked;

  /**
   * Names the directory; nothing is read or created until it is first used.
   *
   * @param dir the directory
   */
  public StateDirectory(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /**
   * The directory.
   *
   * @return its absolute path
   */
  public Path path() {
    return dir;
  }

  /**
   * The folder for browser profiles, {@code <state-dir>/profiles}, created owner-only.
   *
   * @return its path
   */
  public Path profiles() {
    ensureSecure();
    Path p = profilesPath();
    createOwnerOnly(p);
    refuseIfUnsafe(p);
    return p;
  }

  /**
   * Where the profiles folder is, without creating anything (for checks before deleting).
   *
   * @return {@code <state-dir>/profiles}
   */
  public Path profilesPath() {
    return dir.resolve(PROFILES);
  }

  /**
   * Creates the directory owner-only if it is missing, and checks that nobody else can write to
   * it.
   *
   * @throws ProviderConfigurationException naming the path and the fix when it is unsafe
   */
  public void ensureSecure() {
    if (checked) {
      return;
    }
    createOwnerOnly(dir);
    refuseIfUnsafe(dir);
    checked = true;
  }

  /**
   * Whether the directory exists yet (it is created by the first session).
   *
   * @return {@code true} if it does
   */
  public boolean exists() {
    return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
  }

  private static void createOwnerOnly(Path p) {
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(p, OWNER_ONLY); // the umask may have removed bits; never adds
    } catch (FileAlreadyExistsException e) {
      // Created meanwhile by another process; checked below.
    } catch (IOException | UnsupportedOperationException e) {
      throw new ProviderConfigurationException(
          "Configuration 'state-dir' for provider 'local': cannot create " + p + " (" + e
              + "); set state-dir to a directory you own",
          "local",
          "state-dir");
    }
  }

  private static void refuseIfUnsafe(Path p) {
    String problem = unsafety(p);
    if (problem != null) {
      throw new ProviderConfigurationException(
          "Configuration 'state-dir' for provider 'local': " + p + " " + problem
              + ". Records there could be planted by someone else, so it is not used. Fix it"
              + " (chown to yourself and chmod 700) or set state-dir to a directory of your own.",
          "local",
          "state-dir");
    }
  }

  private static String unsafety(Path p) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) {
        return "is a symbolic link";
      }
      if (!a.isDirectory()) {
        return "is not a directory";
      }
      if (PosixUser.current().isPresent() && !PosixUser.owns(p)) {
        return "is owned by another user (uid " + PosixUser.ownerOf(p).orElse(-1) + ")";
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      if (perms.contains(PosixFilePermission.GROUP_WRITE)
          || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
        return "is writable by group or others (" + PosixFilePermissions.toString(perms) + ")";
      }
      return null;
    } catch (UnsupportedOperationException e) {
      return null; // not a POSIX file system: nothing to check
    } catch (IOException e) {
      return "cannot be checked (" + e + ")";
    }
  }

  /**
   * Writes a record atomically.
   *
   * @param record the record
   */
  public void write(SessionRecord record) {
    ensureSecure();
    Path target = file(record.id());
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      record.toProperties().store(bytes, "browser-sessions local session");
      Path tmp = Files.createTempFile(dir, record.id(), ".tmp");
      try {
        Files.write(tmp, bytes.toByteArray());
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw failure("cannot write the session record " + target, e);
    }
  }

  /**
   * Replaces a record that exists; a record deleted meanwhile (forgotten by the sweep, or its
   * whole directory removed) is not brought back.
   *
   * @param record the new version
   * @return {@code true} if it was written
   */
  public boolean replace(SessionRecord record) {
    if (!Files.exists(file(record.id()), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    write(record);
    return true;
  }

  /**
   * Reads a record.
   *
   * @param id the session id
   * @return the record, if the directory has a valid one
   */
  public Optional<SessionRecord> read(String id) {
    if (!exists()) {
      return Optional.empty();
    }
    ensureSecure();
    return readFile(file(id)).filter(r -> r.id().equals(id));
  }

  /**
   * Reads every record; files that are not valid records are skipped.
   *
   * @return the records
   */
  public List<SessionRecord> readAll() {
    List<SessionRecord> all = new ArrayList<>();
    if (!exists()) {
      return all;
    }
    ensureSecure();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String id = name.substring(0, name.length() - SUFFIX.length());
        readFile(f).filter(r -> r.id().equals(id)).ifPresent(all::add);
      }
    } catch (IOException e) {
      throw failure("cannot list the session records in " + dir, e);
    }
    return all;
  }

  /**
   * Runs an action holding an exclusive lock for one session, across processes. The lock file is
   * opened without following links and must be a regular file; it is created only for a session
   * that has a record (without one, the action runs unguarded: there is nothing to guard).
   *
   * @param id the session id
   * @param action what to do
   * @param <T> the result type
   * @return the action's result
   */
  public <T> T locked(String id, Supplier<T> action) {
    ensureSecure();
    Path lockFile = dir.resolve(id + ".lock");
    // POSIX record locks belong to the process, and closing any descriptor of the file drops
    // them all: so within this JVM one thread at a time opens a lock file, then locks it.
    ReentrantLock inJvm = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
    if (inJvm.isHeldByCurrentThread()) {
      return action.get(); // already locked by this thread: a second descriptor would unlock it
    }
    inJvm.lock();
    try (FileChannel ch = openLockFile(id, lockFile)) {
      if (ch == null) {
        return action.get(); // no record and no lock file: nothing to guard, nothing created
      }
      if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(lockFile + " is not a regular file");
      }
      try (FileLock ignored = ch.lock()) {
        T result = action.get();
        if (!Files.exists(file(id), LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(lockFile); // the record is gone: its lock file goes with it
        }
        return result;
      }
    } catch (IOException e) {
      throw failure("cannot lock " + lockFile, e);
    } finally {
      inJvm.unlock();
    }
  }

  /**
   * Opens a session's lock file, creating it only when the session has a record, so that a
   * look-up of an unknown id, or of a record being deleted, leaves no file behind.
   */
  private FileChannel openLockFile(String id, Path lockFile) throws IOException {
    try {
      return FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      if (!Files.exists(file(id), LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    }
  }

  /**
   * Forgets a session: deletes its record and lock files.
   *
   * @param id the session id
   */
  public void delete(String id) {
    try {
      Files.deleteIfExists(file(id));
      Files.deleteIfExists(dir.resolve(id + ".lock"));
      JVM_LOCKS.remove(dir.resolve(id + ".lock"));
    } catch (IOException e) {
      throw failure("cannot delete the record of session '" + id + "' in " + dir, e);
    }
  }

  /**
   * Reads a small regular file without following links, or nothing.
   *
   * @param f the file
   * @param maxBytes the largest size accepted
   * @return its bytes, if it is a regular file no bigger than {@code maxBytes}
   */
  public static Optional<byte[]> readSmallRegularFile(Path f, int maxBytes) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile() || a.size() > maxBytes) {
        LOG.warning("Ignoring " + f + ": " + (a.isRegularFile() ? "larger than " + maxBytes
            + " bytes" : "not a regular file (a link, FIFO, device or directory)"));
        return Optional.empty();
      }
      try (SeekableByteChannel ch =
          Files.newByteChannel(f, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
        ByteBuffer buf = ByteBuffer.allocate(maxBytes + 1);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
          // read at most maxBytes + 1
        }
        if (buf.position() > maxBytes) {
          LOG.warning("Ignoring " + f + ": it grew beyond " + maxBytes + " bytes");
          return Optional.empty();
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return Optional.of(out);
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warning("Ignoring " + f + ": " + e);
      return Optional.empty();
    }
  }

  private Optional<SessionRecord> readFile(Path f) {
    Optional<byte[]> bytes = readSmallRegularFile(f, MAX_RECORD_BYTES);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(bytes.get()));
      return Optional.of(SessionRecord.fromProperties(p));
    } catch (IOException | RuntimeException e) {
      LOG.warning("Ignoring " + f + ": not a valid session record (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  /**
   * An I/O failure in the state directory as the API's exception: names what failed, the path
   * and the setting to check; not retryable (the same directory fails the same way).
   *
   * @param what what could not be done, with the path
   * @param e the cause
   * @return the exception to throw
   */
  static BrowserSessionException failure(String what, IOException e) {
    return new BrowserSessionException("Local session state: " + what + " (" + e
        + "); check that state-dir is a writable local directory of yours", "local", 0, false, e);
  }

  private Path file(String id) {
    return dir.resolve(id + SUFFIX);
  }
}
