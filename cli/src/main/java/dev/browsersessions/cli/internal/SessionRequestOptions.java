package dev.browsersessions.cli.internal;

import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.Viewport;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** One flag per {@link SessionRequest} option, shared by {@code start} and {@code run}. */
final class SessionRequestOptions {

  /** Read for the external proxy's password when {@code --proxy-password} is not given. */
  static final String PROXY_PASSWORD_ENV = "BROWSERSESSIONS_PROXY_PASSWORD";

  /** What {@code --managed-proxy} means without a country. */
  static final String ANY_COUNTRY = "any";

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)\\.\\d+");

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "End the session after this long without activity, e.g. 30s, 5m or PT5M.")
  Duration idleTimeout;

  @Option(
      names = "--max-duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "End the session after this long in any case, e.g. 30s, 5m or PT30S.")
  Duration maxDuration;

  @Option(
      names = "--headless",
      negatable = true,
      description = "Run headless (--headless) or with a window (--no-headless). Default: the"
          + " provider's.")
  Boolean headless;

  @Option(
      names = "--viewport",
      paramLabel = "WxH",
      converter = ViewportConverter.class,
      description = "The window size, e.g. 1280x720.")
  Viewport viewport;

  @Option(names = "--user-agent", paramLabel = "TEXT", description = "The user agent to present.")
  String userAgent;

  @Option(
      names = "--proxy",
      paramLabel = "URL",
      description = "Send traffic through this proxy server you run, e.g. http://proxy:3128.")
  String proxy;

  @Option(
      names = "--managed-proxy",
      paramLabel = "COUNTRY",
      arity = "0..1",
      fallbackValue = ANY_COUNTRY,
      description = "Send traffic through a proxy the vendor runs, optionally in a country given"
          + " as a two-letter code, e.g. --managed-proxy us.")
  String managedProxy;

  @Option(
      names = "--proxy-username",
      paramLabel = "USER",
      description = "The user name for --proxy.")
  String proxyUsername;

  @Option(
      names = "--proxy-password",
      paramLabel = "PASSWORD",
      description = "The password for --proxy; never printed. Prefer the environment variable "
          + PROXY_PASSWORD_ENV + ", which keeps it out of the process list.")
  String proxyPassword;

  @Option(names = "--region", paramLabel = "REGION", description = "Where to run, e.g. us-west-2.")
  String region;

  @Option(names = "--solve-captchas", description = "Let the vendor solve captchas.")
  boolean solveCaptchas;

  @Option(names = "--record", description = "Let the vendor record the session for replay.")
  boolean record;

  @Option(
      names = "--keep-alive",
      description = "Keep the session running after clients disconnect.")
  boolean keepAlive;

  @Option(
      names = "--metadata",
      paramLabel = "KEY=VALUE",
      description = "A tag stored with the session, repeatable.")
  Map<String, String> metadata;

  @Option(
      names = "--provider-option",
      paramLabel = "KEY=VALUE",
      description = "A vendor-specific option passed as it is, repeatable. true/false become"
          + " booleans and plain numbers become numbers.")
  Map<String, String> providerOptions;

  /**
   * Builds the request these flags describe.
   *
   * @param environment reads environment variables (for the proxy password)
   * @return the request, validated
   * @throws ParameterException if flags contradict each other
   * @throws dev.browsersessions.InvalidSessionRequestException if a value is invalid
   */
  SessionRequest toRequest(java.util.function.Function<String, String> environment) {
    SessionRequest.Builder b =
        SessionRequest.builder()
            .idleTimeout(idleTimeout)
            .maxDuration(maxDuration)
            .viewport(viewport)
            .userAgent(userAgent)
            .region(region)
            .solveCaptchas(solveCaptchas)
            .recordSession(record)
            .keepAlive(keepAlive)
            .proxy(proxySettings(environment));
    if (headless != null) {
      b.headless(headless);
    }
    if (metadata != null) {
      b.metadata(metadata);
    }
    if (providerOptions != null) {
      providerOptions.forEach((k, v) -> b.providerOption(k, typed(v)));
    }
    return b.build();
  }

  private ProxySettings proxySettings(java.util.function.Function<String, String> environment) {
    if (proxy != null && managedProxy != null) {
      throw usage("Give either --proxy (a proxy you run) or --managed-proxy (the vendor's), not"
          + " both");
    }
    if (proxy == null && (proxyUsername != null || proxyPassword != null)) {
      throw usage("--proxy-username and --proxy-password need --proxy URL");
    }
    if (managedProxy != null) {
      return managedProxy.equalsIgnoreCase(ANY_COUNTRY)
          ? ProxySettings.managed()
          : ProxySettings.managed(managedProxy.strip());
    }
    if (proxy == null) {
      return null;
    }
    String password = proxyPassword;
    if (password == null) {
      String fromEnv = environment.apply(PROXY_PASSWORD_ENV);
      password = fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }
    return new ProxySettings.External(
        proxy, Optional.ofNullable(proxyUsername), Optional.ofNullable(password));
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }

  /**
   * A provider option's value with a light type: booleans and plain numbers become such.
   *
   * @param value the text given on the command line
   * @return a {@link Boolean}, {@link Long}, {@link Double} or the text itself
   */
  static Object typed(String value) {
    String v = value.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return Boolean.valueOf(lower);
    }
    if (INTEGER.matcher(v).matches()) {
      return Long.valueOf(v);
    }
    if (DECIMAL.matcher(v).matches()) {
      return Double.valueOf(v);
    }
    return value;
  }
}
