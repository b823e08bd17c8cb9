package dev.browsersessions.cli.internal;

import dev.browsersessions.ProviderConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command takes: which provider, its configuration, output and diagnostics. */
final class CommonOptions {

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = {
        "The provider to use (see 'browser-sessions providers'). Default: the system property"
            + " browsersessions.provider, the environment variable BROWSERSESSIONS_PROVIDER, or"
            + " the only provider available."
      })
  String provider;

  @Option(
      names = "--config",
      paramLabel = "KEY=VALUE",
      description = {
        "Provider configuration, repeatable, e.g. --config api-key=... or --config"
            + " base-url=http://127.0.0.1:8080. Unset keys come from -Dbrowsersessions.<provider>."
            + "<key> and BROWSERSESSIONS_<PROVIDER>_<KEY>."
      })
  Map<String, String> config;

  @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces for errors.")
  boolean verbose;

  /**
   * The configuration given with {@code --config}.
   *
   * @return the configuration; unset keys still resolve from properties and the environment
   */
  ProviderConfig providerConfig() {
    return providerConfig(Map.of());
  }

  /**
   * The configuration given with {@code --config}, over defaults set by the command.
   *
   * @param defaults values used where {@code --config} gives none
   * @return the configuration; unset keys still resolve from properties and the environment
   */
  ProviderConfig providerConfig(Map<String, String> defaults) {
    Map<String, String> merged = new LinkedHashMap<>(defaults);
    if (config != null) {
      merged.putAll(config);
    }
    return ProviderConfig.of(merged);
  }
}
