package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A noted failure is still caught, classified and retried as the original was. */
class FailureNotesTest {

  @Test
  void keepsTypeStatusRetryabilityExcerptCauseAndSuppressed() {
    ProviderProtocolException protocol =
        new ProviderProtocolException("unreadable", "notte", 200, "{oops", null);
    IllegalStateException earlier = new IllegalStateException("earlier");
    protocol.addSuppressed(earlier);

    BrowserSessionException noted = FailureNotes.withNote(protocol, "found and stopped 's-1'");

    assertThat(noted).isInstanceOf(ProviderProtocolException.class)
        .hasMessage("unreadable — found and stopped 's-1'").hasCause(protocol);
    assertThat(noted.provider()).contains("notte");
    assertThat(noted.httpStatus()).hasValue(200);
    assertThat(((ProviderProtocolException) noted).bodyExcerpt()).contains("{oops");
    assertThat(noted.getSuppressed()).containsExactly(earlier);

    BrowserSessionException unavailable = FailureNotes.withNote(
        new ProviderUnavailableException("timed out", "stagehand", 0, null), "may still run");
    assertThat(unavailable).isInstanceOf(ProviderUnavailableException.class)
        .hasMessageEndingWith("may still run");
    assertThat(unavailable.isRetryable()).isTrue();
  }

  @Test
  void aKindItCannotRebuildGetsTheNoteAsSuppressed() {
    RateLimitedException limited =
        new RateLimitedException("slow down", "notte", 429, Duration.ofSeconds(1));

    BrowserSessionException noted = FailureNotes.withNote(limited, "nothing started");

    assertThat(noted).isSameAs(limited);
    assertThat(noted.getSuppressed()).singleElement()
        .satisfies(s -> assertThat(s).hasMessage("nothing started"));
  }
}
