package dev.browsersessions.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it: {@link #advance(Duration)} or {@link
 * #set(Instant)}. Thread-safe. Clocks derived with {@link #withZone(ZoneId)} share the same time,
 * so advancing one advances all of them.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.of(Instant.parse("2030-01-01T00:00:00Z"));
 * FakeProvider fake = FakeProvider.builder().clock(clock).build();
 * SessionInfo s = fake.create(SessionRequest.builder().idleTimeout(Duration.ofMinutes(5)).build());
 * clock.advance(Duration.ofMinutes(6));
 * fake.status(s.id()).status(); // TIMED_OUT
 * }</pre>
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at the given instant, in UTC.
   *
   * @param start the initial instant
   * @return the clock
   */
  public static MutableClock of(Instant start) {
    return of(start, ZoneOffset.UTC);
  }

  /**
   * A clock standing at the given instant, in the given zone.
   *
   * @param start the initial instant
   * @param zone the zone
   * @return the clock
   */
  public static MutableClock of(Instant start, ZoneId zone) {
    return new MutableClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start")),
        Objects.requireNonNull(zone, "zone"));
  }

  /**
   * A clock standing at the current system time (to the millisecond), in UTC.
   *
   * @return the clock
   */
  public static MutableClock startingNow() {
    return of(Instant.ofEpochMilli(System.currentTimeMillis()));
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; zero is allowed
   * @return the new instant
   * @throws IllegalArgumentException if the duration is negative (use {@link #set(Instant)} to go
   *     back in time on purpose)
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "advance(" + duration + "): the duration must not be negative; use set(Instant) to"
              + " move the clock back on purpose");
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  /**
   * Sets the clock to an instant, forward or back.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * The instant the clock stands at.
   *
   * @return the current instant
   */
  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * The zone of this clock.
   *
   * @return the zone
   */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * A clock in another zone that shares this clock's time: advancing either advances both.
   *
   * @param zone the zone
   * @return the clock
   */
  @Override
  public MutableClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new MutableClock(now, zone);
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
