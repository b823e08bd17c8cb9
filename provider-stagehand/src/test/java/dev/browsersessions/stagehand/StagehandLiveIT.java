package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real Stagehand and Browserbase APIs. Runs only with {@code BROWSERBASE_API_KEY}
 * set, and is tagged {@code live} so the default build never runs it. Starts one session of at
 * most 60 seconds (Browserbase bills at least one minute) and stops it.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "BROWSERBASE_API_KEY", matches = ".+")
class StagehandLiveIT {

  @Test
  void startFindAndStopARealSession() {
    try (BrowserSessions sessions = BrowserSessions.create("stagehand", ProviderConfig.empty())) {
      String id;
      try (BrowserSession session = sessions.start(SessionRequest.builder()
          .maxDuration(Duration.ofSeconds(60))
          .metadata("purpose", "browser-sessions-live-test")
          .build())) {
        id = session.id();
        assertThat(session.cdpUrl()).isPresent();
        SessionInfo now = sessions.status(id);
        assertThat(now.status()).isIn(SessionStatus.PENDING, SessionStatus.ACTIVE);
        assertThat(sessions.list(SessionFilter.active().withMetadata(
            BrowserSessions.OWNER_TAG, sessions.ownerId()))).extracting(SessionInfo::id)
            .contains(id);
        assertThat(session.stop().isTerminal()).isTrue();
      }
      assertThat(sessions.status(id).isTerminal()).isTrue();
    }
  }
}
