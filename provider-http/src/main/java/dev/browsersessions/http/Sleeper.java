package dev.browsersessions.http;

import java.time.Duration;

/**
 * Waits between two looks of a polling loop ({@link TerminalWait}, {@link LostCreates}); tests pass
 * one that moves their clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps with {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

  /**
   * Waits.
   *
   * @param duration how long
   * @throws InterruptedException if interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
