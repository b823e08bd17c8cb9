package dev.browsersessions.conformance;

import java.time.Duration;

/**
 * Moves a provider's notion of time forward, so the kit can check idle timeouts and maximum
 * durations without waiting. A provider whose sessions read time from a controllable {@link
 * java.time.Clock} returns one from {@link BrowserSessionProviderContract#timeControl()}.
 */
@FunctionalInterface
public interface TimeControl {

  /**
   * Moves the provider's clock forward. After it returns, the provider must act as if {@code
   * duration} had passed: sessions whose idle timeout or maximum duration elapsed are terminal.
   *
   * @param duration how far to move; positive
   */
  void advance(Duration duration);
}
