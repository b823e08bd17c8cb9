package dev.browsersessions.fake.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.fake.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the fake provider's configuration keys (documented on {@code FakeProviderFactory}). */
public final class FakeConfig {

  /** Names a registered provider to return instead of building one. */
  public static final String INSTANCE = "instance";
  /** Comma-separated capability names, or {@code none}. */
  public static final String CAPABILITIES = "capabilities";
  /** {@code mutable} or {@code system}. */
  public static final String CLOCK = "clock";
  /** How long new sessions stay pending. */
  public static final String STARTUP_DELAY = "startup-delay";
  /** The idle timeout granted when a request sets none. */
  public static final String DEFAULT_IDLE_TIMEOUT = "default-idle-timeout";
  /** The maximum duration granted when a request sets none. */
  public static final String DEFAULT_MAX_DURATION = "default-max-duration";

  private static final List<String> BUILD_KEYS =
      List.of(CAPABILITIES, CLOCK, STARTUP_DELAY, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_DURATION);
  private static final Set<String> KNOWN = knownKeys();

  private FakeConfig() {}

  /**
   * The registered instance the configuration names, after checking the keys.
   *
   * @param config the configuration, bound to the fake provider
   * @return the name, if the key {@code instance} is set
   * @throws ProviderConfigurationException for an unknown explicit key, or another key set
   *     beside {@code instance}
   */
  public static Optional<String> instanceName(ProviderConfig config) {
    for (String key : config.explicitKeys()) {
      if (!KNOWN.contains(key)) {
        throw new ProviderConfigurationException(
            "Unknown configuration key '" + key + "' for provider 'fake'; known keys are "
                + KNOWN,
            FakeProvider.NAME,
            key);
      }
    }
    Optional<String> instance = config.getString(INSTANCE).map(String::trim);
    if (instance.isPresent()) {
      for (String key : BUILD_KEYS) {
        if (config.getString(key).isPresent()) {
          throw new ProviderConfigurationException(
              "Configuration key '" + key + "' cannot be combined with 'instance' for provider"
                  + " 'fake': a registered instance is configured by its builder. Remove '"
                  + key + "' or 'instance'.",
              FakeProvider.NAME,
              key);
        }
      }
    }
    return instance;
  }

  /**
   * Applies the configuration to a builder.
   *
   * @param config the configuration, bound to the fake provider
   * @param builder the builder
   * @return the builder
   * @throws ProviderConfigurationException naming the key, if a value is invalid
   */
  public static FakeProvider.Builder apply(ProviderConfig config, FakeProvider.Builder builder) {
    config.getString(CAPABILITIES).ifPresent(v -> builder.capabilities(parseCapabilities(v)));
    builder.clock(clock(config.getString(CLOCK, "mutable")));
    builder.startupDelay(config.getDuration(STARTUP_DELAY, Duration.ZERO));
    positive(config, DEFAULT_IDLE_TIMEOUT).ifPresent(builder::defaultIdleTimeout);
    positive(config, DEFAULT_MAX_DURATION).ifPresent(builder::defaultMaxDuration);
    return builder;
  }

  /**
   * Parses a capability list such as {@code "list, idle-timeout,METADATA"}, or {@code none}.
   *
   * @param value the list
   * @return the capabilities
   * @throws ProviderConfigurationException naming an unknown capability and the known ones
   */
  public static Set<Capability> parseCapabilities(String value) {
    Set<Capability> result = EnumSet.noneOf(Capability.class);
    if (value.trim().equalsIgnoreCase("none")) {
      return result;
    }
    for (String part : value.split(",")) {
      String name = part.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      if (name.isEmpty()) {
        continue;
      }
      try {
        result.add(Capability.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new ProviderConfigurationException(
            "Configuration key 'capabilities' for provider 'fake' names an unknown capability '"
                + part.trim() + "'; use a comma-separated list of "
                + Arrays.toString(Capability.values()) + ", or none",
            FakeProvider.NAME,
            CAPABILITIES);
      }
    }
    return result;
  }

  private static Clock clock(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "mutable" -> MutableClock.startingNow();
      case "system" -> Clock.systemUTC();
      default -> throw new ProviderConfigurationException(
          "Configuration key 'clock' for provider 'fake' must be mutable or system, got '"
              + value.trim() + "'",
          FakeProvider.NAME,
          CLOCK);
    };
  }

  private static Optional<Duration> positive(ProviderConfig config, String key) {
    Optional<Duration> d = config.getDuration(key);
    if (d.isPresent() && d.get().isZero()) {
      throw new ProviderConfigurationException(
          "Configuration key '" + key + "' for provider 'fake' must be a positive duration such"
              + " as 5m, got 0",
          FakeProvider.NAME,
          key);
    }
    return d;
  }

  private static Set<String> knownKeys() {
    Set<String> keys = new TreeSet<>(BUILD_KEYS);
    keys.add(INSTANCE);
    keys.addAll(ProviderConfig.STANDARD_KEYS); // accepted; in-memory sessions end with the JVM
    return keys;
  }
}
