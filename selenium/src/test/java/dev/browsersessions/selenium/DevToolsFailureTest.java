package dev.browsersessions.selenium;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.FakeProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DevToolsFailureTest {

  @Test
  void anUnreachableCdpUrlFailsNamingTheSessionButNotTheUrlsToken() {
    FakeProvider provider = FakeProvider.builder()
        .cdpUrlGenerator(id -> URI.create("ws://127.0.0.1:1/devtools/browser/" + id + "?token=s3cret"))
        .build();
    try (BrowserSessions sessions = BrowserSessions.of(provider);
        BrowserSession session = sessions.start(SessionRequest.defaults())) {
      assertThatThrownBy(() -> SeleniumConnector.devTools(session,
              SeleniumOptions.builder().timeout(Duration.ofSeconds(5)).build()))
          .isInstanceOf(BrowserSessionException.class)
          .hasMessageContaining(session.id())
          .hasMessageNotContaining("s3cret");
    }
  }
}
