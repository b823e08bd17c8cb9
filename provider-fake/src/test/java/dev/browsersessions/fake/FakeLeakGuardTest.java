package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fake driven through the user API: BrowserSessions' leak guard and owner tag. */
class FakeLeakGuardTest {

  private final MutableClock clock = MutableClock.of(Instant.parse("2030-01-01T00:00:00Z"));
  private final FakeProvider fake = FakeProvider.builder().clock(clock).build();

  @Test
  void closeStopsTheSessionsTheClientStartedAndStillRunning() {
    BrowserSessions sessions = BrowserSessions.of(fake);
    BrowserSession a = sessions.start(SessionRequest.defaults());
    BrowserSession b = sessions.start(SessionRequest.defaults());
    BrowserSession c = sessions.start(SessionRequest.defaults());
    c.stop();
    fake.clearCalls();

    sessions.close();

    assertThat(fake.calls(FakeOperation.STOP))
        .extracting(call -> call.sessionId().orElseThrow())
        .containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(fake.sessions()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SessionStatus.CLOSED));
    assertThat(fake.isClosed()).isTrue();
  }

  @Test
  void aStopFailureInjectedWithFailNextIsReportedInSessionCleanupException() {
    BrowserSessions sessions = BrowserSessions.of(fake);
    String a = sessions.start(SessionRequest.defaults()).id();
    String b = sessions.start(SessionRequest.defaults()).id();
    ProviderUnavailableException injected =
        new ProviderUnavailableException("vendor down", "fake", 503, null);
    fake.failNext(FakeOperation.STOP, () -> injected);

    assertThatThrownBy(sessions::close)
        .isInstanceOfSatisfying(
            SessionCleanupException.class,
            e -> {
              assertThat(e.sessionIds()).hasSize(1).containsAnyOf(a, b);
              assertThat(e.getSuppressed()).containsExactly(injected);
              assertThat(e.getMessage()).contains(e.sessionIds().get(0));
            });
    // The other session was stopped; the failed one is still running at the "vendor".
    assertThat(fake.list(SessionFilter.active())).hasSize(1);
    assertThat(fake.isClosed()).isTrue();
  }

  @Test
  void sessionsThatTimedOutAreNotStoppedAgain() {
    BrowserSessions sessions = BrowserSessions.of(fake);
    BrowserSession s =
        sessions.start(SessionRequest.builder().idleTimeout(Duration.ofMinutes(1)).build());
    clock.advance(Duration.ofMinutes(2));
    assertThat(s.refresh().status()).isEqualTo(SessionStatus.TIMED_OUT);
    assertThat(sessions.openSessions()).isEmpty();
    fake.clearCalls();

    sessions.close();

    assertThat(fake.calls(FakeOperation.STOP)).isEmpty();
  }

  @Test
  void sessionsCarryTheOwnerTagSoOrphansCanBeFound() {
    try (BrowserSessions sessions = BrowserSessions.builder().provider(fake).ownerId("svc-1").build()) {
      String id = sessions.start(SessionRequest.defaults()).id();
      assertThat(
              sessions.list(SessionFilter.active().withMetadata(BrowserSessions.OWNER_TAG, "svc-1")))
          .extracting(info -> info.id())
          .containsExactly(id);
    }
  }
}
