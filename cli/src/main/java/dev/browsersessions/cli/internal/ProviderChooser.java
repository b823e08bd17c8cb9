package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderNotFoundException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the provider for a command the way {@link BrowserSessions} does, but with messages that
 * speak of command-line options. The provider itself is always built by {@link BrowserSessions}.
 */
final class ProviderChooser {

  /** The system property that names the provider, as in {@link BrowserSessions#create()}. */
  static final String PROPERTY = "browsersessions.provider";

  /** The environment variable that names the provider, as in {@link BrowserSessions#create()}. */
  static final String ENV = "BROWSERSESSIONS_PROVIDER";

  /** What happens to the sessions a command starts when it ends. */
  enum Lifetime {
    /** They keep running after the command ends (for {@code start}). */
    OUTLIVE_COMMAND,
    /** They are stopped when the command ends, also on Ctrl-C (for {@code run}). */
    END_WITH_COMMAND
  }

  /** Why a provider was or was not chosen. */
  enum Outcome {
    /** A provider was chosen. */
    CHOSEN,
    /** A name was given that matches no provider. */
    UNKNOWN_NAME,
    /** No provider is on the class path. */
    NONE_AVAILABLE,
    /** Several providers are available and none was named. */
    AMBIGUOUS
  }

  /**
   * The outcome of choosing.
   *
   * @param name the chosen provider, if one can be chosen
   * @param outcome whether and why
   * @param reason how it was chosen, or why none was, in words
   */
  record Choice(Optional<String> name, Outcome outcome, String reason) {}

  private final CommonOptions options;
  private final CliEnvironment env;

  ProviderChooser(CommonOptions options, CliEnvironment env) {
    this.options = options;
    this.env = env;
  }

  /**
   * The providers on the class path.
   *
   * @return their names, sorted
   */
  Set<String> available() {
    return BrowserSessions.available();
  }

  /**
   * Chooses without failing.
   *
   * @param available the providers on the class path
   * @return the choice; empty when none can be chosen without guessing
   */
  Choice choose(Set<String> available) {
    String[][] named = {
      {options.provider, "--provider"},
      {env.systemProperties().apply(PROPERTY), "system property " + PROPERTY},
      {env.environment().apply(ENV), "environment variable " + ENV}
    };
    for (String[] candidate : named) {
      if (candidate[0] != null && !candidate[0].isBlank()) {
        String name = candidate[0].trim();
        if (available.contains(name)) {
          return new Choice(Optional.of(name), Outcome.CHOSEN, "named by " + candidate[1]);
        }
        return new Choice(
            Optional.empty(),
            Outcome.UNKNOWN_NAME,
            "No provider named '" + name + "' (from " + candidate[1] + ") is available; "
                + foundText(available) + " Use --provider with one of them.");
      }
    }
    if (available.size() == 1) {
      return new Choice(
          Optional.of(available.iterator().next()), Outcome.CHOSEN, "the only provider available");
    }
    if (available.isEmpty()) {
      return new Choice(
          Optional.empty(),
          Outcome.NONE_AVAILABLE,
          "No provider is on the class path. Add a provider jar such as"
              + " browser-sessions-provider-local.");
    }
    String first = available.iterator().next();
    return new Choice(
        Optional.empty(),
        Outcome.AMBIGUOUS,
        "Several providers are available and none was chosen: " + String.join(", ", available)
            + ". Choose one with --provider NAME (e.g. --provider " + first + ") or set " + ENV
            + ".");
  }

  /**
   * Builds a client for the chosen provider.
   *
   * @param lifetime what happens to sessions this command starts
   * @return the client; the caller closes it
   * @throws ProviderNotFoundException if no provider can be chosen
   * @throws dev.browsersessions.ProviderConfigurationException if its configuration is invalid
   */
  BrowserSessions open(Lifetime lifetime) {
    Choice choice = choose(available());
    String name = choice.name().orElseThrow(() -> new ProviderNotFoundException(choice.reason()));
    boolean endWithCommand = lifetime == Lifetime.END_WITH_COMMAND;
    // A provider whose sessions would end with this JVM (a local browser) keeps them running.
    ProviderConfig config = endWithCommand ? options.providerConfig()
        : options.providerConfig(Map.of(ProviderConfig.DETACH, "true"));
    return BrowserSessions.builder()
        .provider(name)
        .config(config)
        .stopSessionsOnClose(endWithCommand)
        .shutdownHook(endWithCommand)
        .build();
  }

  private static String foundText(Set<String> available) {
    return available.isEmpty()
        ? "none is on the class path."
        : "available: " + String.join(", ", available) + ".";
  }
}
