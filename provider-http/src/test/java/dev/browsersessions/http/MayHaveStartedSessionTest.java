package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Which failed creates a provider must reconcile, and which prove that nothing was started. */
class MayHaveStartedSessionTest {

  @Test
  void failuresWithoutAUsableAnswerMayHaveStartedASession() {
    assertThat(VendorCalls.mayHaveStartedSession(
        new ProviderUnavailableException("timed out", "p", 0, null))).isTrue();
    assertThat(VendorCalls.mayHaveStartedSession(
        new ProviderProtocolException("unreadable", "p", 200, "{", null))).isTrue();
    assertThat(VendorCalls.mayHaveStartedSession(
        new ProviderUnavailableException("available: false", "p", 200, null))).isTrue();
    assertThat(VendorCalls.mayHaveStartedSession(
        new ProviderUnavailableException("boom", "p", 500, null).markOutcomeUnknown())).isTrue();
    assertThat(VendorCalls.mayHaveStartedSession(
        new dev.browsersessions.RequestTimeoutException("request timeout", "p"))).isTrue();
    assertThat(VendorCalls.mayHaveStartedSession(
        BrowserSessionException.builder("odd").provider("p").outcomeUnknown().build())).isTrue();
  }

  @Test
  void refusalsAndProvenNonStartsDoNot() {
    assertThat(VendorCalls.mayHaveStartedSession(new BrowserSessionException("odd", "p")))
        .as("a failure of no known kind, not marked").isFalse();
    assertThat(VendorCalls.mayHaveStartedSession(
        new RateLimitedException("slow down", "p", 429, null))).isFalse();
    assertThat(VendorCalls.mayHaveStartedSession(
        new ProviderUnavailableException("overloaded", "p", 503, null))).isFalse();
    assertThat(VendorCalls.mayHaveStartedSession(new ProviderUnavailableException(
        "refused", "p", 0, new ConnectException("Connection refused")))).isFalse();
    assertThat(VendorCalls.mayHaveStartedSession(
        new AuthenticationException("bad key", "p", 401))).isFalse();
    assertThat(VendorCalls.mayHaveStartedSession(
        new InvalidSessionRequestException("idleTimeout", "too long"))).isFalse();
  }
}
