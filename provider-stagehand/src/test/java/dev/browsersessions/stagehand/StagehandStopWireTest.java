package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.StopNotConfirmedException;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.stagehand.sim.RecordedRequest;
import dev.browsersessions.stagehand.sim.Scripted;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stop = Stagehand end, then Browserbase status, release and status reads until terminal. */
class StagehandStopWireTest {

  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void stopEndsReleasesAndPollsUntilBrowserbaseConfirms() {
    fx.sim.releasePolls(3);
    SessionInfo stopped;
    String id;
    try (BrowserSessionProvider p = fx.provider()) {
      id = p.create(SessionRequest.defaults()).id();
      stopped = p.stop(id);
    }
    assertThat(stopped.status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(stopped.closedAt()).isPresent();
    assertThat(fx.sim.statusOf(id)).isEqualTo("COMPLETED");
    RecordedRequest end = fx.sim.requests("end").get(0);
    assertThat(end.method()).isEqualTo("POST");
    assertThat(end.path()).isEqualTo("/v1/sessions/" + id + "/end");
    assertThat(end.body()).isEmpty();
    assertThat(end.header("x-bb-api-key")).contains(SimFixture.KEY);
    assertThat(end.header("x-language")).isEmpty();
    RecordedRequest release = fx.sim.requests("release").get(0);
    assertThat(release.method()).isEqualTo("POST");
    assertThat(release.path()).isEqualTo("/v1/sessions/" + id);
    assertThat(release.body()).isEqualTo("{\"status\":\"REQUEST_RELEASE\"}");
    assertThat(release.header("x-bb-api-key")).contains(SimFixture.KEY);
    // create's read, one read after end, then three reads while RUNNING counts down, the last
    // one COMPLETED
    assertThat(fx.sim.requests("get")).hasSize(6);
    assertThat(fx.sim.requests()).extracting(RecordedRequest::route)
        .containsSubsequence("start", "end", "get", "release", "get");
  }

  @Test
  void stopNeedsNoReleaseWhenEndAlreadyEndedTheBrowser() {
    fx.sim.endReleases(true).releasePolls(0);
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      assertThat(p.stop(id).status()).isEqualTo(SessionStatus.CLOSED);
    }
    assertThat(fx.sim.requests("release")).isEmpty();
  }

  @Test
  void unconfirmedStopFailsAtTheDeadlineWithTheLastStatus() {
    fx.sim.releasePolls(Integer.MAX_VALUE);
    try (BrowserSessionProvider p = fx.provider(fx.config()
        .put("stop-timeout", "2s").put("stop-poll-interval", "500ms").build())) {
      String id = p.create(SessionRequest.defaults()).id();
      assertThatThrownBy(() -> p.stop(id))
          .isInstanceOfSatisfying(StopNotConfirmedException.class, e -> {
            assertThat(e.lastStatus()).isEqualTo(SessionStatus.ACTIVE);
            assertThat(e.sessionId()).isEqualTo(id);
            assertThat(e.isRetryable()).isTrue();
          })
          .hasMessageContaining("PT2S");
    }
    // create's read, 1 read after end, then 4 polls of 500 ms within the 2 s deadline
    assertThat(fx.sim.requests("get")).hasSize(6);
  }

  @Test
  void stopIsIdempotentThrough404And409FromStagehand() {
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      SessionInfo first = p.stop(id);
      SessionInfo second = p.stop(id);
      assertThat(second.status()).isEqualTo(first.status()).isEqualTo(SessionStatus.CLOSED);
      fx.sim.enqueue("end", Scripted.json(409, "{\"success\":false,\"message\":"
          + "\"Attempted to close session that is not currently active\"}"));
      fx.sim.enqueue("end", Scripted.json(404, "{\"success\":false,\"message\":"
          + "\"Session not found\"}"));
      assertThat(p.stop(id).status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(p.stop(id).status()).isEqualTo(SessionStatus.CLOSED);
    }
  }

  @Test
  void stopOfAnIdBrowserbaseDoesNotKnowIsNotFound() {
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.stop("never-was"))
          .isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
            assertThat(e.sessionId()).isEqualTo("never-was");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getCause()).as("Browserbase's answer, kept")
                .isInstanceOfSatisfying(BrowserSessionException.class, c -> assertThat(c)
                    .hasMessageContaining("HTTP 404").hasMessageContaining("Session not found"));
          });
    }
    assertThat(fx.sim.requests("release")).isEmpty();
  }

  @Test
  void stopOfASessionStagehandNeverSawReleasesItOnBrowserbase() {
    String id = fx.sim.addBrowserbaseOnlySession(Map.of("k", "v"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThat(p.stop(id).status()).isEqualTo(SessionStatus.CLOSED);
    }
    assertThat(fx.sim.requests("release")).hasSize(1);
  }

  @Test
  void stopOfATimedOutSessionReturnsTimedOut() {
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.builder().maxDuration(Duration.ofMinutes(1)).build())
          .id();
      fx.sim.advance(Duration.ofMinutes(2));
      assertThat(p.stop(id).status()).isEqualTo(SessionStatus.TIMED_OUT);
    }
    assertThat(fx.sim.requests("release")).isEmpty();
  }

  @Test
  void stopWithoutAKnownHostReadsTheRegionFromBrowserbase() {
    java.net.URI eu = fx.sim.addStagehandHost("eu");
    String id;
    try (BrowserSessionProvider p = fx.provider(fx.config().put("stagehand-url", " ")
        .put("stagehand-url.eu-central-1", eu.toString()).build())) {
      id = p.create(SessionRequest.builder().region("eu-central-1").build()).id();
    }
    try (BrowserSessionProvider fresh = fx.provider(fx.config().put("stagehand-url", " ")
        .put("stagehand-url.eu-central-1", eu.toString()).build())) {
      assertThat(fresh.stop(id).status()).isEqualTo(SessionStatus.CLOSED);
    }
    assertThat(fx.sim.requests("end")).extracting(RecordedRequest::host).containsExactly("eu");
  }

  @Test
  void unavailableStagehandEndStillReleasesOnBrowserbase() {
    for (int i = 0; i < 5; i++) {
      fx.sim.enqueue("end", Scripted.json(503, "{\"error\":\"Service Unavailable\"}"));
    }
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      assertThat(p.stop(id).status()).isEqualTo(SessionStatus.CLOSED);
    }
    assertThat(fx.sim.requests("release")).hasSize(1);
  }

  @Test
  void authenticationFailureOnEndIsNotHidden() {
    fx.sim.enqueue("end", Scripted.json(401, "{\"success\":false,\"message\":\"Unauthorized\"}"));
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      assertThatThrownBy(() -> p.stop(id)).isInstanceOf(AuthenticationException.class);
    }
  }
}
