package dev.browsersessions.local;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.local.internal.ChromiumLocator;
import dev.browsersessions.local.internal.PosixUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code local} provider's settings: every configuration key once, typed and checked when
 * built. Build them with {@link #builder()}, or let {@link LocalProviderFactory} read them from a
 * {@link ProviderConfig}; the README lists each key.
 *
 * @param chromium the browser binary ({@value #CHROME_PATH}, also {@code CHROME_PATH})
 * @param stateDir where sessions are recorded ({@value #STATE_DIR})
 * @param startTimeout how long Chromium may take to print its DevTools URL ({@value
 *     #START_TIMEOUT})
 * @param stopGrace how long a stopped browser may take to exit before it is killed ({@value
 *     #STOP_GRACE})
 * @param recordRetention how long records of ended sessions are kept ({@value
 *     #RECORD_RETENTION})
 * @param detach whether sessions outlive the JVM that started them ({@value #DETACH}); when
 *     {@code false} (the default) they end when it exits
 * @param noSandbox whether Chromium runs with {@code --no-sandbox} ({@value #NO_SANDBOX}; by
 *     default only when running as root, where Chromium's sandbox cannot start)
 * @param clock the clock timeouts are measured with in this JVM (not a configuration key; for
 *     tests)
 */
public record LocalSettings(
    Path chromium,
    Path stateDir,
    Duration startTimeout,
    Duration stopGrace,
    Duration recordRetention,
    boolean detach,
    boolean noSandbox,
    Clock clock) {

  /** Key of the browser binary. */
  public static final String CHROME_PATH = "chrome-path";
  /** Key of the state directory. */
  public static final String STATE_DIR = "state-dir";
  /** Key of the start deadline. */
  public static final String START_TIMEOUT = "start-timeout";
  /** Key of the stop grace period. */
  public static final String STOP_GRACE = "stop-grace";
  /** Key of the record retention. */
  public static final String RECORD_RETENTION = "record-retention";
  /** Key that makes sessions outlive the JVM that started them. */
  public static final String DETACH = ProviderConfig.DETACH;
  /** Key that turns Chromium's sandbox off. */
  public static final String NO_SANDBOX = "no-sandbox";

  /** Default {@value #START_TIMEOUT}. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
  /** Default {@value #STOP_GRACE}. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);
  /** Default {@value #RECORD_RETENTION}. */
  public static final Duration DEFAULT_RECORD_RETENTION = Duration.ofDays(7);

  /**
   * Checks the settings.
   *
   * @param chromium the browser binary
   * @param stateDir where sessions are recorded
   * @param startTimeout the start deadline
   * @param stopGrace the stop grace period
   * @param recordRetention how long ended records are kept
   * @param detach whether sessions outlive this JVM
   * @param noSandbox whether Chromium's sandbox is off
   * @param clock the clock
   * @throws ProviderConfigurationException naming the key that is wrong
   */
  public LocalSettings {
    Objects.requireNonNull(chromium, CHROME_PATH);
    Objects.requireNonNull(stateDir, STATE_DIR);
    positive(startTimeout, START_TIMEOUT);
    positive(stopGrace, STOP_GRACE);
    positive(recordRetention, RECORD_RETENTION);
    Objects.requireNonNull(clock, "clock");
    stateDir = stateDir.toAbsolutePath().normalize();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default state directory, {@code ~/.browser-sessions/local}.
   *
   * @return its path
   */
  public static Path defaultStateDir() {
    return Path.of(System.getProperty("user.home"), ".browser-sessions", "local");
  }

  /**
   * Reads every key from a configuration.
   *
   * @param config the configuration (bound to provider {@code local})
   * @return the settings
   * @throws ProviderConfigurationException naming the key that is wrong
   */
  public static LocalSettings from(ProviderConfig config) {
    ProviderConfig bound =
        config.provider().isPresent() ? config : config.forProvider(LocalProviderFactory.NAME);
    ProviderConfig c = bound.withVendorVariable(CHROME_PATH, "CHROME_PATH");
    Builder b = builder();
    c.getString(CHROME_PATH).map(Path::of).ifPresent(b::chromium);
    c.getString(STATE_DIR).map(Path::of).ifPresent(b::stateDir);
    b.startTimeout(c.getDuration(START_TIMEOUT, DEFAULT_START_TIMEOUT));
    b.stopGrace(c.getDuration(STOP_GRACE, DEFAULT_STOP_GRACE));
    b.recordRetention(c.getDuration(RECORD_RETENTION, DEFAULT_RECORD_RETENTION));
    b.detach(c.getBoolean(DETACH, false));
    if (c.getString(NO_SANDBOX).isPresent()) {
      b.noSandbox(c.getBoolean(NO_SANDBOX, false));
    }
    return b.build();
  }

  private static void positive(Duration d, String key) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new ProviderConfigurationException(
          "Configuration '" + key + "' for provider 'local' must be a positive duration, got "
              + d, LocalProviderFactory.NAME, key);
    }
  }

  /** Builds {@link LocalSettings}. Not thread-safe. */
  public static final class Builder {
    private Path chromium;
    private Path stateDir = defaultStateDir();
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private Duration stopGrace = DEFAULT_STOP_GRACE;
    private Duration recordRetention = DEFAULT_RECORD_RETENTION;
    private boolean detach;
    private Boolean noSandbox;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The browser binary; by default the first of {@code chromium}, {@code chromium-browser},
     * {@code google-chrome} on the {@code PATH}.
     *
     * @param chromium an executable file
     * @return this builder
     */
    public Builder chromium(Path chromium) {
      this.chromium = Objects.requireNonNull(chromium, CHROME_PATH);
      return this;
    }

    /**
     * Where sessions are recorded; default {@code ~/.browser-sessions/local}. It must be owned
     * by this user and writable by nobody else; it is created {@code 0700}.
     *
     * @param stateDir the directory
     * @return this builder
     */
    public Builder stateDir(Path stateDir) {
      this.stateDir = Objects.requireNonNull(stateDir, STATE_DIR);
      return this;
    }

    /**
     * How long Chromium may take to print its DevTools URL; default 30 seconds.
     *
     * @param startTimeout a positive duration
     * @return this builder
     */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /**
     * How long a stopped browser may take to exit before it is killed; default 5 seconds.
     *
     * @param stopGrace a positive duration
     * @return this builder
     */
    public Builder stopGrace(Duration stopGrace) {
      this.stopGrace = stopGrace;
      return this;
    }

    /**
     * How long records of ended sessions are kept for {@code status} and {@code stop} from other
     * processes; default seven days. Only the watchdog's sweep forgets a record, on the system
     * clock; {@code status} and {@code list} never do.
     *
     * @param recordRetention a positive duration
     * @return this builder
     */
    public Builder recordRetention(Duration recordRetention) {
      this.recordRetention = recordRetention;
      return this;
    }

    /**
     * Whether sessions outlive the JVM that started them (the command line's {@code start} sets
     * this); default {@code false}: they end when it exits, even without {@code close()}.
     *
     * @param detach {@code true} to keep them running until stopped or timed out
     * @return this builder
     */
    public Builder detach(boolean detach) {
      this.detach = detach;
      return this;
    }

    /**
     * Whether Chromium runs without its sandbox; default: only when running as root.
     *
     * @param noSandbox {@code true} to pass {@code --no-sandbox}
     * @return this builder
     */
    public Builder noSandbox(boolean noSandbox) {
      this.noSandbox = noSandbox;
      return this;
    }

    /**
     * The clock this JVM measures timeouts with (for tests); default the system clock. The
     * detached watchdog always uses the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Checks and builds the settings; finds Chromium on the {@code PATH} if no binary was given.
     *
     * @return the settings
     * @throws ProviderConfigurationException naming the key that is wrong, or saying how to
     *     install Chromium
     */
    public LocalSettings build() {
      Path binary = ChromiumLocator.locate(
          Optional.ofNullable(chromium).map(Path::toString), System.getenv("PATH"));
      return new LocalSettings(binary, stateDir, startTimeout, stopGrace, recordRetention,
          detach, noSandbox != null ? noSandbox : PosixUser.isRoot(), clock);
    }
  }
}
