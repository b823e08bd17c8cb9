package dev.browsersessions.stagehand.internal;

import dev.browsersessions.InvalidSessionRequestException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vendor-specific options {@code stagehand} accepts in {@code SessionRequest.providerOptions()},
 * typed and checked. An unknown key or a value of the wrong type fails before any call, naming the
 * key; nothing is silently dropped.
 *
 * @param blockAds {@code browserSettings.blockAds}
 * @param advancedStealth {@code browserSettings.advancedStealth}
 * @param logSession {@code browserSettings.logSession}
 * @param os {@code browserSettings.os}
 * @param contextId {@code browserSettings.context.id}
 * @param persistContext {@code browserSettings.context.persist}
 * @param extensionId {@code extensionId}
 * @param modelName {@code modelName}, overriding the configured one for this session
 * @param systemPrompt {@code systemPrompt}
 * @param verbose {@code verbose} (0, 1 or 2)
 * @param domSettleTimeoutMs {@code domSettleTimeoutMs}
 * @param selfHeal {@code selfHeal}
 */
public record ProviderOptions(
    Optional<Boolean> blockAds,
    Optional<Boolean> advancedStealth,
    Optional<Boolean> logSession,
    Optional<String> os,
    Optional<String> contextId,
    Optional<Boolean> persistContext,
    Optional<String> extensionId,
    Optional<String> modelName,
    Optional<String> systemPrompt,
    Optional<Integer> verbose,
    Optional<Long> domSettleTimeoutMs,
    Optional<Boolean> selfHeal) {

  /** The option keys, as users write them. */
  public static final Set<String> KEYS = Set.of(
      "blockAds", "advancedStealth", "logSession", "os", "contextId", "persistContext",
      "extensionId", "modelName", "systemPrompt", "verbose", "domSettleTimeoutMs", "selfHeal");

  private static final List<String> OS = List.of("windows", "mac", "linux", "mobile", "tablet");

  /**
   * Reads and checks a request's provider options.
   *
   * @param options the request's {@code providerOptions}
   * @return the typed options
   * @throws InvalidSessionRequestException naming the key, for an unknown key or a bad value
   */
  public static ProviderOptions parse(Map<String, Object> options) {
    for (String key : options.keySet()) {
      if (!KEYS.contains(key)) {
        throw new InvalidSessionRequestException(
            "providerOptions." + key,
            "Unknown provider option '" + key + "' for provider 'stagehand'; known options: "
                + String.join(", ", new TreeSet<>(KEYS)));
      }
    }
    Optional<String> os = string(options, "os").map(v -> v.toLowerCase(Locale.ROOT));
    if (os.isPresent() && !OS.contains(os.get())) {
      throw bad("os", "one of " + String.join(", ", OS));
    }
    Optional<Integer> verbose = number(options, "verbose").map(Long::intValue);
    if (verbose.isPresent() && (verbose.get() < 0 || verbose.get() > 2)) {
      throw bad("verbose", "0, 1 or 2");
    }
    Optional<Long> settle = number(options, "domSettleTimeoutMs");
    if (settle.isPresent() && settle.get() < 0) {
      throw bad("domSettleTimeoutMs", "a number of milliseconds, not negative");
    }
    Optional<Boolean> persist = bool(options, "persistContext");
    Optional<String> context = string(options, "contextId");
    if (persist.isPresent() && context.isEmpty()) {
      throw new InvalidSessionRequestException(
          "providerOptions.persistContext",
          "Provider option 'persistContext' needs 'contextId' (the Browserbase context to save)");
    }
    return new ProviderOptions(
        bool(options, "blockAds"),
        bool(options, "advancedStealth"),
        bool(options, "logSession"),
        os,
        context,
        persist,
        string(options, "extensionId"),
        string(options, "modelName"),
        string(options, "systemPrompt"),
        verbose,
        settle,
        bool(options, "selfHeal"));
  }

  private static Optional<Boolean> bool(Map<String, Object> options, String key) {
    Object v = options.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Optional.of(Boolean.parseBoolean(s));
    }
    throw bad(key, "true or false");
  }

  private static Optional<String> string(Map<String, Object> options, String key) {
    Object v = options.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw bad(key, "a non-blank string");
    }
    return Optional.of(s.trim());
  }

  private static Optional<Long> number(Map<String, Object> options, String key) {
    Object v = options.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return Optional.of(((Number) v).longValue());
    }
    try {
      return Optional.of(Long.parseLong(v.toString().trim()));
    } catch (NumberFormatException e) {
      throw bad(key, "a whole number");
    }
  }

  private static InvalidSessionRequestException bad(String key, String expected) {
    return new InvalidSessionRequestException(
        "providerOptions." + key,
        "Provider option '" + key + "' for provider 'stagehand' must be " + expected);
  }
}
