package dev.browsersessions.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Loads the implementations of a service registered with {@link ServiceLoader}, surviving broken
 * registrations as SLF4J 2 does: an entry naming a missing class, a class of the wrong type or one
 * whose constructor throws is reported and skipped, and does not hide the others. Internal: not
 * part of the API.
 */
final class Services {

  /** After this many broken entries the rest are not read (a bound, not an expected count). */
  static final int MAX_PROBLEMS = 64;

  private Services() {}

  /**
   * What loading found.
   *
   * @param found the implementations, in discovery order
   * @param problems one line per broken registration, e.g. {@code a registered provider could not
   *     be loaded: ...}
   * @param <S> the service type
   */
  record Loaded<S>(List<S> found, List<String> problems) {
    Loaded {
      found = List.copyOf(found);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Loads every registered implementation.
   *
   * @param service the service type
   * @param classLoader where to look
   * @param what how a problem names the service, e.g. {@code "provider"}
   * @param <S> the service type
   * @return the implementations and the problems met
   */
  static <S> Loaded<S> load(Class<S> service, ClassLoader classLoader, String what) {
    List<S> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Iterator<S> it = ServiceLoader.load(service, classLoader).iterator();
    // Bounded: a ServiceConfigurationError skips one entry; stop after too many of them.
    while (problems.size() < MAX_PROBLEMS) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        Throwable cause = e.getCause();
        problems.add("a registered " + what + " could not be loaded: " + e
            + (cause != null ? " (caused by " + cause + ")" : ""));
      }
    }
    return new Loaded<>(found, problems);
  }
}
