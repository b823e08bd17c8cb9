package dev.browsersessions.conformance.internal;

import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the registered provider factories the way users' code does, with ServiceLoader. */
public final class Factories {

  private static final int MOST_ENTRIES = 1_000;

  private Factories() {}

  /**
   * Loads every factory that can be instantiated; broken entries are skipped.
   *
   * @return fresh factory instances, in ServiceLoader order
   */
  public static List<BrowserSessionProviderFactory> load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl == null) {
      cl = Factories.class.getClassLoader();
    }
    Iterator<BrowserSessionProviderFactory> it =
        ServiceLoader.load(BrowserSessionProviderFactory.class, cl).iterator();
    List<BrowserSessionProviderFactory> found = new ArrayList<>();
    for (int i = 0; i < MOST_ENTRIES; i++) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError broken) {
        // A broken entry must not hide the others; R1.1 reports what is missing.
      }
    }
    return found;
  }
}
