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

  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  OffsetClock() {
    this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  private OffsetClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

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
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new OffsetClock(offset, zone); // the same offset: advancing one moves both
  }
}
