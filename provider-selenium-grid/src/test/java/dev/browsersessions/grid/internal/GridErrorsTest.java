package dev.browsersessions.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.http.HttpFailure;
import dev.browsersessions.http.ServerData;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Grid's error answers (as Grid 4.47 sends them) become the library's exceptions. */
class GridErrorsTest {

  private final GridErrors errors = new GridErrors("selenium-grid");

  private BrowserSessionException map(int status, String method, String path, String message) {
    String body = "{\"value\":{\"error\":\"x\",\"message\":\"" + message
        + "\\nBuild info: version: '4.47.0'\",\"stacktrace\":\"org.openqa...\"}}";
    HttpFailure f = new HttpFailure(status, method, path, Map.of(), body, Optional.empty());
    BrowserSessionException standard = status == 404
        ? BrowserSessionException.builder("404").provider("selenium-grid").httpStatus(404).build()
        : ProviderUnavailableException.answered("5xx", "selenium-grid", status)
            .markOutcomeUnknown();
    return errors.adjust(f, standard);
  }

  @Test
  void aFullQueueIsRateLimited() {
    BrowserSessionException e = map(500, "POST", "/session",
        "Could not start a new session. New session request timed out ");
    assertThat(e).isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("--session-request-timeout").hasMessageNotContaining("Build info");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void noMatchingNodeIsAnInvalidRequest() {
    assertThat(map(500, "POST", "/session", "Could not start a new session. No nodes support the"
        + " capabilities in the request"))
        .isInstanceOf(InvalidSessionRequestException.class);
  }

  @Test
  void theGridsMessageIsItsFirstLineWithoutControlCharactersAndBounded() {
    BrowserSessionException e = map(500, "GET", "/session/abc/url",
        "\\u001b[2Jboom\\t" + "z".repeat(5000));
    assertThat(e.getMessage()).contains("boom zzz").doesNotContain("\u001b", "[2J", "\t", "\n")
        .hasSizeLessThan(ServerData.MAX_TEXT + 200);
  }

  @Test
  void aRemovedSessionCarriesWhenAndWhy() {
    BrowserSessionException e = map(404, "GET", "/session/abc/url",
        "Unable to find session with ID: abc. Session was removed at 2026-12-01T15:25:40.572Z"
            + " (0 seconds ago), reason: session closed normally (QUIT command), node: http://n:5555");
    assertThat(e).isInstanceOf(GridErrors.Removed.class);
    GridErrors.Removed r = (GridErrors.Removed) e;
    assertThat(r.at()).contains(Instant.parse("2026-12-01T15:25:40.572Z"));
    assertThat(r.reason()).isEqualTo("session closed normally (QUIT command)");
    assertThat(SeleniumGridProvider.removedStatus(r.reason())).isEqualTo(SessionStatus.CLOSED);
  }

  @Test
  void anUnknownSessionIsPlainNotFound() {
    BrowserSessionException e =
        map(404, "GET", "/session/abc/url", "Unable to find session with ID: abc");
    assertThat(e).isExactlyInstanceOf(BrowserSessionException.class)
        .hasMessageContaining("Unable to find session with ID: abc");
    assertThat(GridErrors.notFound(e)).isTrue();
  }

  @Test
  void aServerErrorKeepsItsOutcomeUnknownMarker() {
    BrowserSessionException e = map(500, "POST", "/session", "node went away");
    assertThat(e).isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("node went away").hasMessageNotContaining("Build info");
    assertThat(e.isOutcomeUnknown()).as("a 500 to a create may have started a session").isTrue();
  }

  @Test
  void aSessionTheGridCouldNotCreateIsNotLookedFor() {
    BrowserSessionException e = map(500, "POST", "/session", "Could not start a new session."
        + " Error while creating session with the driver service. Stopping driver service:"
        + " session not created: Chrome instance exited.");
    assertThat(e).isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("Chrome instance exited").hasMessageContaining("started no session");
    assertThat(e.isOutcomeUnknown()).isFalse();
  }

  @Test
  void aDeadNodeIsToldFromALiveBrowsersError() {
    assertThat(GridErrors.sessionUnreachable("Selenium Grid answered HTTP 500 to GET /session/x/url:"
        + " Unable to execute request for an existing session: Connection error")).isTrue();
    assertThat(GridErrors.sessionUnreachable("Selenium Grid answered HTTP 500 to GET /session/x/url:"
        + " unexpected alert open: {Alert text : hi}")).isFalse();
  }

  @Test
  void aBodyThatIsNotTheGridsIsLeftToTheStandardMapping() {
    HttpFailure f = new HttpFailure(502, "GET", "/graphql", Map.of(), "<html>bad gateway</html>",
        Optional.empty());
    ProviderUnavailableException standard =
        new ProviderUnavailableException("standard", "selenium-grid", 502, null);
    assertThat(errors.adjust(f, standard)).isSameAs(standard);
  }
}
