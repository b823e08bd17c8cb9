package dev.browsersessions.playwright;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link PlaywrightConnector} connects.
 *
 * @param connectTimeout how long Playwright may take to connect over CDP
 * @param stopSessionOnClose whether {@link PlaywrightSession#close()} also stops the session
 */
public record PlaywrightOptions(Duration connectTimeout, boolean stopSessionOnClose) {

  /** The connect timeout when none is set: 30 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Validates the options.
   *
   * @param connectTimeout how long Playwright may take to connect over CDP; positive
   * @param stopSessionOnClose whether {@link PlaywrightSession#close()} also stops the session
   */
  public PlaywrightOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException(
          "PlaywrightOptions.connectTimeout must be positive, was " + connectTimeout);
    }
  }

  /**
   * The defaults: a 30-second connect timeout, and the session stopped on close.
   *
   * @return the default options
   */
  public static PlaywrightOptions defaults() {
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

  /** Builds {@link PlaywrightOptions}. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private boolean stopSessionOnClose = true;

    private Builder() {}

    /**
     * Sets how long Playwright may take to connect over CDP.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Sets whether {@link PlaywrightSession#close()} also stops the session (default {@code
     * true}). Turn it off when the session outlives this Playwright connection.
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
    public PlaywrightOptions build() {
      return new PlaywrightOptions(connectTimeout, stopSessionOnClose);
    }
  }
}
