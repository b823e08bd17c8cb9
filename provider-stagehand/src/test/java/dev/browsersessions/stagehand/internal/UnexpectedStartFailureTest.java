package dev.browsersessions.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.stagehand.StagehandSettings;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import dev.browsersessions.stagehand.internal.wire.LiveUrls;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A start that fails with an exception of no known kind (a bug in a decoder, say) is still
 * reconciled: the session it started is found by its tag and stopped, never left running unknown.
 */
class UnexpectedStartFailureTest {

  private final Map<String, BrowserbaseSession> browserbase = new ConcurrentHashMap<>();

  private final BrowserbaseApi bb = new BrowserbaseApi() {
    @Override
    public BrowserbaseSession get(String sessionId) {
      return browserbase.get(sessionId);
    }

    @Override
    public List<BrowserbaseSession> list(Optional<String> status, Optional<String> query) {
      return List.copyOf(browserbase.values());
    }

    @Override
    public BrowserbaseSession release(String sessionId) {
      return browserbase.computeIfPresent(sessionId, (k, s) -> session(k, "COMPLETED",
          s.userMetadata()));
    }

    @Override
    public LiveUrls liveUrls(String sessionId) {
      return null;
    }
  };

  private static BrowserbaseSession session(String id, String status, Map<String, Object> meta) {
    return new BrowserbaseSession(id, status, null, null, null, null, null, "proj", "us-west-2",
        false, 0L, null, meta, "wss://connect.test/" + id);
  }

  private StagehandProvider provider(boolean startsSession) {
    StagehandApi stagehand = new StagehandApi() {
      @Override
      public StartResponse start(URI host, StartRequest request) {
        if (startsSession) {
          String id = UUID.randomUUID().toString();
          browserbase.put(id, session(id, "RUNNING",
              request.browserbaseSessionCreateParams().userMetadata()));
        }
        throw new IllegalStateException("decoder bug");
      }

      @Override
      public void end(URI host, String sessionId) {}
    };
    StagehandSettings settings = StagehandSettings.builder("bb_key")
        .stagehandUrl(URI.create("http://127.0.0.1:9")).browserbaseUrl(URI.create("http://127.0.0.1:9"))
        .ownerId("owner-1").liveView(false).lostCreateWait(Duration.ZERO).build();
    return new StagehandProvider(settings, stagehand, bb,
        new ServerData("stagehand", false), ObjectMapper::new,
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), d -> { },
        Duration.ofSeconds(1));
  }

  @Test
  void sessionStartedBeforeAnUnexpectedExceptionIsStopped() {
    Throwable t = catchThrowable(() -> provider(true).create(SessionRequest.defaults()));
    assertThat(t).isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("decoder bug").hasMessageContaining("it was found and stopped");
    assertThat(browserbase.values()).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("COMPLETED"));
  }

  @Test
  void unexpectedExceptionWithoutASessionSaysHowToFindOne() {
    Throwable t = catchThrowable(() -> provider(false).create(SessionRequest.defaults()));
    assertThat(t).isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("decoder bug").hasMessageContaining("no running session")
        .hasMessageContaining("withMetadata(\"browser-sessions-request\"");
    assertThat(browserbase).isEmpty();
  }
}
