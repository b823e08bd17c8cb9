package dev.browsersessions.notte.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.fake.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A lost create whose candidates might belong to a create still in flight (the soak's third
 * escape: under load another create outlives the in-flight wait) is not resolved then; it stays
 * pending and its session is stopped at close, while the in-flight create's session is kept.
 */
class LostCreatesPendingTest {

  private final MutableClock clock = MutableClock.startingNow();
  private final LostCreates lost = new LostCreates("notte", LostCreatePolicy.STOP,
      Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(1), clock);
  private final Map<String, Object> sent = Map.of("headless", true);
  private final List<String> stopped = new CopyOnWriteArrayList<>();

  private Map<?, ?> session(String id) {
    return Map.of("session_id", id, "status", "active", "created_at", clock.instant().toString(),
        "headless", true);
  }

  private static BrowserSessionException reset() {
    return new ProviderUnavailableException("Notte could not be reached: reset", "notte", 0, null);
  }

  @Test
  void aLostCreateLeftUnresolvedByACreateInFlightIsStoppedAtCloseAndTheOtherIsKept() {
    LostCreates.Attempt slow = lost.begin(); // in flight past the wait
    LostCreates.Attempt failed = lost.begin();
    lost.failed(failed);
    List<Map<?, ?>> active = List.of(session("s-lost"), session("s-slow"));

    BrowserSessionException e = lost.reconcile(failed, sent, reset(), () -> active, stopped::add);

    assertThat(stopped).as("nothing stopped while another create may own them").isEmpty();
    assertThat(e).hasMessageContaining("still in flight").hasMessageContaining("looked for again");

    lost.returned(slow, "s-slow");
    lost.close(() -> active, stopped::add);

    assertThat(stopped).containsExactly("s-lost");
  }

  @Test
  void aPendingLostCreateIsStoppedAfterTheNextFailedCreate() {
    LostCreates.Attempt slow = lost.begin();
    LostCreates.Attempt first = lost.begin();
    lost.failed(first);
    List<Map<?, ?>> active = new CopyOnWriteArrayList<>(List.of(session("s-first")));
    lost.reconcile(first, sent, reset(), () -> active, stopped::add);
    lost.failed(slow); // nothing is in flight any more
    assertThat(stopped).isEmpty();

    LostCreates.Attempt next = lost.begin();
    lost.failed(next);
    active.add(session("s-next"));
    lost.reconcile(next, sent, reset(), () -> active, stopped::add);

    assertThat(stopped).containsExactlyInAnyOrder("s-first", "s-next");
  }
}
