package dev.browsersessions.selenium;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SeleniumConnector} connects.
 *
 * @param chromedriver the chromedriver executable for local CDP sessions; when empty, the system
 *     property {@code webdriver.chrome.driver}, then {@code chromedriver} on {@code PATH}
 * @param timeout the deadline for starting chromedriver and for each WebDriver, HTTP and CDP
 *     call
 * @param stopSessionOnClose whether {@link SeleniumSession#close()} also stops the session
 */
public record SeleniumOptions(
    Optional<Path> chromedriver, Duration timeout, boolean stopSessionOnClose) {

  /** The timeout when none is set: 60 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Validates the options.
   *
   * @param chromedriver the chromedriver executable, if set
   * @param timeout a positive deadline
   * @param stopSessionOnClose whether {@link SeleniumSession#close()} also stops the session
   */
  public SeleniumOptions {
    Objects.requireNonNull(chromedriver, "chromedriver");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("SeleniumOptions.timeout must be positive, was " + timeout);
    }
  }

  /**
   * The defaults: chromedriver found as described above, a 60-second timeout, the session
   * stopped on close.
   *
   * @return the default options
   */
  public static SeleniumOptions defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SeleniumOptions}. */
  public static final class Builder {
    private Path chromedriver;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean stopSessionOnClose = true;

    private Builder() {}

    /**
     * Sets the chromedriver executable used to attach to local CDP sessions.
     *
     * @param chromedriver the executable, e.g. {@code /usr/bin/chromedriver}
     * @return this builder
     */
    public Builder chromedriver(Path chromedriver) {
      this.chromedriver = Objects.requireNonNull(chromedriver, "chromedriver");
      return this;
    }

    /**
     * Sets the deadline for starting chromedriver and for each WebDriver, HTTP and CDP call.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets whether {@link SeleniumSession#close()} also stops the session (default {@code true}).
     *
     * @param stop whether to stop the session on close
     * @return this builder
     */
    public Builder stopSessionOnClose(boolean stop) {
      this.stopSessionOnClose = stop;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public SeleniumOptions build() {
      return new SeleniumOptions(Optional.ofNullable(chromedriver), timeout, stopSessionOnClose);
    }
  }
}
