package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exceptions are classified by type and marker, and a detail is appended without rebuilding. */
class BrowserSessionExceptionTest {

  @Test
  void aDetailIsAppendedKeepingTypeStatusRetryabilityCauseAndSuppressed() {
    RateLimitedException limited =
        new RateLimitedException("slow down", "notte", 429, Duration.ofSeconds(1));
    IllegalStateException suppressed = new IllegalStateException("lookup failed");
    limited.addSuppressed(suppressed);

    BrowserSessionException noted = limited.withDetail("nothing started").withDetail("twice");

    assertThat(noted).isSameAs(limited).hasMessage("slow down — nothing started — twice");
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(noted.httpStatus()).hasValue(429);
    assertThat(noted.isRetryable()).isTrue();
    assertThat(noted.getSuppressed()).containsExactly(suppressed);
    assertThat(noted.toString()).endsWith("slow down — nothing started — twice");
  }

  @Test
  void theBuilderReplacesPositionalArgumentsAndCarriesTheOutcomeUnknownMarker() {
    IllegalStateException cause = new IllegalStateException("bug");
    BrowserSessionException e = BrowserSessionException.builder("odd").provider("p")
        .httpStatus(200).retryable(true).cause(cause).outcomeUnknown().build();
    assertThat(e.provider()).contains("p");
    assertThat(e.httpStatus()).hasValue(200);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.isOutcomeUnknown()).isTrue();
    assertThat(BrowserSessionException.builder("plain").build().isOutcomeUnknown()).isFalse();
  }

  @Test
  void a408IsATimeoutNotARateLimitAndTheVendorMayHaveActed() {
    RequestTimeoutException e = new RequestTimeoutException("HTTP 408", "notte");
    assertThat(e).isInstanceOf(ProviderUnavailableException.class)
        .isNotInstanceOf(RateLimitedException.class);
    assertThat(e.httpStatus()).hasValue(408);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.isOutcomeUnknown()).isTrue();
  }

  @Test
  void factoryMethodsNameWhatTheyBuild() {
    assertThat(ProviderProtocolException.unusable("no id", "p", 200, "{}").bodyExcerpt())
        .contains("{}");
    ProviderProtocolException unexpected =
        ProviderProtocolException.unexpected("decoder bug", "p", new IllegalStateException());
    assertThat(unexpected.isOutcomeUnknown()).isTrue();
    assertThat(ProviderUnavailableException.answered("down", "p", 502).isRetryable()).isTrue();
    assertThat(InvalidSessionRequestException.refused("bad", "p", 422, java.util.List.of("x: y"))
        .fieldErrors()).containsExactly("x: y");
  }
}
