package dev.browsersessions.local.internal;

import dev.browsersessions.ProviderConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The directory where local sessions are recorded, one {@code <id>.properties} file each, written
 * atomically so that readers in other JVMs never see half a record.
 */
public final class StateDirectory {

  private static final String SUFFIX = ".properties";

  private final Path dir;

  /**
   * Names the directory; nothing is read or created until the first record is written.
   *
   * @param dir the directory
   */
  public StateDirectory(Path dir) {
    this.dir = dir;
  }

  private void ensureExists() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ProviderConfigurationException(
          "Configuration 'state-dir' for provider 'local': cannot create " + dir + " (" + e
              + "); set state-dir to a writable directory",
          "local",
          "state-dir");
    }
  }

  /**
   * The directory.
   *
   * @return its path
   */
  public Path path() {
    return dir;
  }

  /**
   * Writes a record atomically.
   *
   * @param record the record
   */
  public void write(SessionRecord record) {
    ensureExists();
    Path target = file(record.id());
    try {
      Path tmp = Files.createTempFile(dir, record.id(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        record.toProperties().store(out, "browser-sessions local session");
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write session record " + target, e);
    }
  }

  /**
   * Reads a record.
   *
   * @param id the session id
   * @return the record, if the directory has one
   */
  public Optional<SessionRecord> read(String id) {
    return readFile(file(id));
  }

  /**
   * Reads every record; unreadable files are skipped.
   *
   * @return the records
   */
  public List<SessionRecord> readAll() {
    List<SessionRecord> all = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return all;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        readFile(f).ifPresent(all::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return all;
  }

  /**
   * Runs an action holding an exclusive lock for one session, across JVMs.
   *
   * @param id the session id
   * @param action what to do
   * @param <T> the result type
   * @return the action's result
   */
  public <T> T locked(String id, Supplier<T> action) {
    ensureExists();
    Path lockFile = dir.resolve(id + ".lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      return action.get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the record of " + id, e);
    }
  }

  private Optional<SessionRecord> readFile(Path f) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(f)) {
      p.load(in);
      return Optional.of(SessionRecord.fromProperties(p));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Path file(String id) {
    return dir.resolve(id + SUFFIX);
  }
}
