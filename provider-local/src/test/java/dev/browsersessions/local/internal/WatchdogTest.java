package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionStatus;
import dev.browsersessions.fake.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog's rounds on a clock the test moves; no browser, no relay. */
class WatchdogTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofMinutes(1);

  private static SessionRecord ended(String id, Path profile) {
    return new SessionRecord(id, Long.MAX_VALUE - 1,
        Optional.of(new ProcessStart(T0, OptionalLong.of(1))),
        URI.create("ws://127.0.0.1:9/devtools/browser/x"), profile, T0, T0, Optional.empty(),
        Optional.empty(), SessionStatus.ACTIVE, Optional.empty(), Optional.empty(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty())
        .ended(SessionStatus.CLOSED, T0, "stopped");
  }

  @Test
  void anEndedSessionsProfileThatStaysKeepsItsRecordAndIsTriedAgainAfterGrowingPauses(
      @TempDir Path tmp) throws Exception {
    StateDirectory state = new StateDirectory(tmp.resolve("state"));
    String id = "local-" + UUID.randomUUID();
    Path profile = Files.createDirectory(state.profiles().resolve(id));
    state.write(ended(id, profile));
    MutableClock clock = MutableClock.of(T0.plus(RETENTION).plusSeconds(1)); // sweep is due
    List<Instant> tries = new ArrayList<>();
    boolean[] canDelete = {false};
    Watchdog watchdog = new Watchdog(state, RETENTION, Duration.ofSeconds(1), clock,
        (r, profiles, grace) -> {
          tries.add(clock.instant());
          return canDelete[0] && Endings.clearLeftovers(r, profiles, grace);
        });

    Instant start = clock.instant();
    List<Duration> triedAfter = new ArrayList<>();
    for (int tick = 0; tick < 4 * 60 * 5; tick++) { // five minutes of 250 ms ticks
      assertThat(watchdog.round()).as("the leftover counts as live: the watchdog stays").isOne();
      assertThat(state.read(id)).as("its record is not swept while the profile is there")
          .isPresent();
      clock.advance(Watchdog.TICK);
    }
    tries.forEach(at -> triedAfter.add(Duration.between(start, at)));
    // 0, 1, 3, 7, 15, 31, 63 s, then a minute apart: no try every tick, no spinning.
    assertThat(triedAfter.subList(0, 7)).containsExactly(Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(15),
        Duration.ofSeconds(31), Duration.ofSeconds(63));
    for (int i = 7; i < triedAfter.size(); i++) {
      assertThat(Duration.between(tries.get(i - 1), tries.get(i)))
          .isEqualTo(Duration.ofMinutes(1));
    }
    assertThat(tries).hasSizeBetween(10, 11);
    assertThat(profile).isDirectory();

    canDelete[0] = true; // whatever held the profile let go: the next try deletes it
    clock.advance(Duration.ofMinutes(1));
    assertThat(watchdog.round()).as("nothing left to watch").isZero();
    assertThat(profile).doesNotExist();
    assertThat(state.read(id)).as("swept, its retention having passed").isEmpty();
  }

  @Test
  void anEndedSessionWithoutLeftoversIsNotLiveAndIsSweptAfterTheRetention(@TempDir Path tmp) {
    StateDirectory state = new StateDirectory(tmp.resolve("state"));
    String id = "local-" + UUID.randomUUID();
    state.write(ended(id, state.profiles().resolve(id))); // its profile is already gone
    MutableClock clock = MutableClock.of(T0.plusSeconds(1));
    Watchdog watchdog = new Watchdog(state, RETENTION, Duration.ofSeconds(1), clock,
        Endings::clearLeftovers);
    assertThat(watchdog.round()).isZero();
    assertThat(state.read(id)).isPresent();
    clock.advance(RETENTION);
    assertThat(watchdog.round()).isZero();
    assertThat(state.read(id)).isEmpty();
  }
}
