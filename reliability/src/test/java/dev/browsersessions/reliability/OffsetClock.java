package dev.browsersessions.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that tests move forward: a simulator on it timestamps like a
 * real vendor on this machine (so a client can match a lost create by its creation time), yet its
 * sessions can still be made to time out at once.
 */
final class OffsetClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /**
   * Moves the clock forward.
   *
   * @param d how far
   */
  void advance(Duration d) {
    offset.accumulateAndGet(d, Duration::plus);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
