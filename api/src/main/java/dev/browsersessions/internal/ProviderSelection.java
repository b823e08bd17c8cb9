package dev.browsersessions.internal;

import dev.browsersessions.ProviderNotFoundException;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds provider factories with {@link ServiceLoader} and selects one, following the documented
 * algorithm. Internal: not part of the API.
 *
 * <ol>
 *   <li>An explicit name wins: the argument, then system property {@value #PROPERTY}, then
 *       environment variable {@value #ENV}.
 *   <li>Without a name, exactly one factory found is used.
 *   <li>None found, several without a name, an unknown name, or one name claimed by two factories:
 *       {@link ProviderNotFoundException} listing what was found and what to add or set.
 *   <li>A broken registration (a service entry naming a missing or failing class, a factory whose
 *       {@code name()} fails) is reported and does not hide the others.
 * </ol>
 */
public final class ProviderSelection {

  /** The system property that names the provider. */
  public static final String PROPERTY = "browsersessions.provider";

  /** The environment variable that names the provider. */
  public static final String ENV = "BROWSERSESSIONS_PROVIDER";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private ProviderSelection() {}

  /**
   * What discovery found.
   *
   * @param factories the usable factories, in discovery order
   * @param names their names, as checked when they were found (a factory is not asked again)
   * @param problems one line per broken registration
   */
  public record Discovery(
      List<BrowserSessionProviderFactory> factories, List<String> names, List<String> problems) {
    /**
     * Copies the lists.
     *
     * @param factories the usable factories
     * @param names their names, one per factory, in the same order
     * @param problems one line per broken registration
     * @throws IllegalArgumentException if there is not one name per factory
     */
    public Discovery {
      factories = List.copyOf(factories);
      names = List.copyOf(names);
      problems = List.copyOf(problems);
      if (names.size() != factories.size()) {
        throw new IllegalArgumentException(
            "one name per factory: " + names.size() + " names, " + factories.size()
                + " factories");
      }
    }

    /**
     * The factories by name; a name claimed twice maps to every claimant.
     *
     * @return names to factories, sorted by name
     */
    public Map<String, List<BrowserSessionProviderFactory>> byName() {
      Map<String, List<BrowserSessionProviderFactory>> m = new TreeMap<>();
      for (int i = 0; i < factories.size(); i++) {
        m.computeIfAbsent(names.get(i), k -> new ArrayList<>()).add(factories.get(i));
      }
      return m;
    }

    /**
     * The name a factory found by this discovery answered when it was checked.
     *
     * @param factory one of {@link #factories()}
     * @return its name
     * @throws IllegalArgumentException if this discovery did not find it
     */
    public String nameOf(BrowserSessionProviderFactory factory) {
      for (int i = 0; i < factories.size(); i++) {
        if (factories.get(i) == factory) {
          return names.get(i);
        }
      }
      throw new IllegalArgumentException("not found by this discovery: " + factory);
    }
  }

  /**
   * Loads every registered factory, surviving broken registrations as SLF4J 2 does (see {@link
   * Services}); a factory whose {@code name()} fails or is not a valid name is reported too.
   *
   * @param classLoader where to look
   * @return the factories and the problems met
   */
  public static Discovery discover(ClassLoader classLoader) {
    Services.Loaded<BrowserSessionProviderFactory> loaded =
        Services.load(BrowserSessionProviderFactory.class, classLoader, "provider");
    List<BrowserSessionProviderFactory> factories = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> problems = new ArrayList<>(loaded.problems());
    for (BrowserSessionProviderFactory f : loaded.found()) {
      String name;
      try {
        name = f.name();
      } catch (RuntimeException | LinkageError e) {
        problems.add(f.getClass().getName() + " could not be asked its name: " + e);
        continue;
      }
      if (name == null || !NAME.matcher(name).matches()) {
        problems.add(
            f.getClass().getName() + " has an invalid name " + (name == null ? "null"
                : "'" + name + "'") + " (must be lower-case letters, digits and '-')");
      } else {
        factories.add(f);
        names.add(name);
      }
    }
    return new Discovery(factories, names, problems);
  }

  /**
   * The explicitly requested name, if any.
   *
   * @param argument the name passed in code, or {@code null}
   * @param systemProperties how to read a system property
   * @param environment how to read an environment variable
   * @return the name, trimmed, or {@code null} when none was given
   */
  public static String requestedName(
      String argument,
      Function<String, String> systemProperties,
      Function<String, String> environment) {
    for (String candidate :
        new String[] {argument, systemProperties.apply(PROPERTY), environment.apply(ENV)}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.trim();
      }
    }
    return null;
  }

  /**
   * Selects a factory.
   *
   * @param requestedName the explicit name, or {@code null}
   * @param discovery what discovery found
   * @return the factory to use
   * @throws ProviderNotFoundException if none can be chosen without guessing
   */
  public static BrowserSessionProviderFactory select(String requestedName, Discovery discovery) {
    Map<String, List<BrowserSessionProviderFactory>> byName = discovery.byName();
    if (requestedName != null) {
      List<BrowserSessionProviderFactory> matches = byName.get(requestedName);
      if (matches == null) {
        throw notFound(
            "No browser-sessions provider named '" + requestedName + "' is on the class path. "
                + found(byName) + " Add the artifact browser-sessions-provider-" + requestedName
                + ", or name one of the providers found.",
            discovery);
      }
      if (matches.size() > 1) {
        throw notFound(duplicate(requestedName, matches), discovery);
      }
      return matches.get(0);
    }
    if (byName.isEmpty()) {
      throw notFound(
          "No browser-sessions provider is on the class path. Add one provider artifact, such as"
              + " browser-sessions-provider-notte, browser-sessions-provider-stagehand,"
              + " browser-sessions-provider-local or (for tests) browser-sessions-provider-fake.",
          discovery);
    }
    if (byName.size() > 1) {
      String first = byName.keySet().iterator().next();
      throw notFound(
          "Several browser-sessions providers are on the class path and none was named. "
              + found(byName) + " Choose one with BrowserSessions.create(\"" + first
              + "\"), -D" + PROPERTY + "=" + first + " or " + ENV + "=" + first
              + ", or keep only one provider artifact.",
          discovery);
    }
    Map.Entry<String, List<BrowserSessionProviderFactory>> only =
        byName.entrySet().iterator().next();
    if (only.getValue().size() > 1) {
      throw notFound(duplicate(only.getKey(), only.getValue()), discovery);
    }
    return only.getValue().get(0);
  }

  private static String duplicate(String name, List<BrowserSessionProviderFactory> claimants) {
    List<String> classes = new ArrayList<>();
    claimants.forEach(f -> classes.add(f.getClass().getName()));
    return "Two or more factories claim the provider name '" + name + "': " + classes
        + ". Remove the duplicate jar from the class path.";
  }

  private static String found(Map<String, List<BrowserSessionProviderFactory>> byName) {
    return byName.isEmpty() ? "Found none." : "Found: " + byName.keySet() + ".";
  }

  private static ProviderNotFoundException notFound(String message, Discovery discovery) {
    if (discovery.problems().isEmpty()) {
      return new ProviderNotFoundException(message);
    }
    return new ProviderNotFoundException(
        message + " Broken provider registrations: " + discovery.problems());
  }
}
