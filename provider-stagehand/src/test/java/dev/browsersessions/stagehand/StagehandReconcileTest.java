package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.stagehand.sim.Scripted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A create whose answer is lost finds and stops the session it started, never billing a second one. */
class StagehandReconcileTest {

  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void startThatFailedAfterStartingStopsTheSessionWithoutASecondStart() {
    fx.sim.failAfterStarting(Scripted.json(500, "{\"error\":\"Internal Server Error\","
        + "\"statusCode\":500}"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.builder().metadata("job", "1").build()))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("Stagehand started session '")
          .hasMessageContaining("it was found and stopped");
      assertThat(fx.sim.runningIds()).isEmpty();
    }
    assertThat(fx.sim.requests("start")).hasSize(1);
    assertThat(fx.sim.requests("list").get(0).query()).startsWith(
        "q=user_metadata['browser-sessions-request']:'");
  }

  @Test
  void unreadableStartAnswerIsAProtocolErrorAfterTheLookup() {
    fx.sim.enqueue("start", Scripted.json(200, "<html>maintenance</html>"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(dev.browsersessions.ProviderProtocolException.class)
          .hasMessageContaining("no running session of this create was found (looked once)");
      assertThat(fx.sim.requests("list")).hasSize(1);
    }
    // close() looks once more: Browserbase's list may show a new session late
    assertThat(fx.sim.requests("list")).hasSize(2);
  }

  @Test
  void startThatFailedWithoutStartingStillFails() {
    for (int i = 0; i < 3; i++) {
      fx.sim.enqueue("start", Scripted.json(500, "{\"error\":\"boom\"}"));
    }
    try (BrowserSessionProvider p = fx.provider()) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("boom");
      // A 500 may have started a session: never retried, looked up (once: it was answered).
      assertThat(fx.sim.requests("start")).hasSize(1);
      assertThat(fx.sim.requests("list")).hasSize(1);
    }
    assertThat(fx.sim.requests("list")).hasSize(2);
  }
}
