package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionRequestTest {

  private static void assertInvalid(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            InvalidSessionRequestException.class,
            e -> {
              assertThat(e.field()).contains(field);
              assertThat(e.getMessage()).contains(field);
            });
  }

  @Test
  void zeroAndNegativeDurationsAreRefusedNamingTheField() {
    assertInvalid(() -> SessionRequest.builder().idleTimeout(Duration.ZERO).build(), "idleTimeout");
    assertInvalid(
        () -> SessionRequest.builder().idleTimeout(Duration.ofSeconds(-1)).build(), "idleTimeout");
    assertInvalid(() -> SessionRequest.builder().maxDuration(Duration.ZERO).build(), "maxDuration");
    assertInvalid(
        () -> SessionRequest.builder().maxDuration(Duration.ofMinutes(-3)).build(), "maxDuration");
  }

  @Test
  void idleTimeoutAboveMaxDurationIsRefused() {
    assertInvalid(
        () ->
            SessionRequest.builder()
                .idleTimeout(Duration.ofMinutes(10))
                .maxDuration(Duration.ofMinutes(5))
                .build(),
        "idleTimeout");
    assertThat(
            SessionRequest.builder()
                .idleTimeout(Duration.ofMinutes(5))
                .maxDuration(Duration.ofMinutes(5))
                .build()
                .idleTimeout())
        .contains(Duration.ofMinutes(5));
  }

  @Test
  void nonPositiveViewportIsRefused() {
    assertInvalid(() -> SessionRequest.builder().viewport(0, 600).build(), "viewport");
    assertInvalid(() -> SessionRequest.builder().viewport(800, -1).build(), "viewport");
  }

  @Test
  void blankStringsAndNullMapValuesAreRefused() {
    assertInvalid(() -> SessionRequest.builder().userAgent(" ").build(), "userAgent");
    assertInvalid(() -> SessionRequest.builder().region("").build(), "region");
    assertInvalid(() -> SessionRequest.builder().metadata("k", null).build(), "metadata");
    assertInvalid(() -> SessionRequest.builder().metadata(" ", "v").build(), "metadata key");
    assertInvalid(
        () -> SessionRequest.builder().providerOption("k", null).build(), "providerOptions");
  }

  @Test
  void nullComponentsAreRefusedNamingTheField() {
    assertInvalid(
        () ->
            new SessionRequest(
                null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, false, false, java.util.Map.of(),
                java.util.Map.of()),
        "idleTimeout");
  }

  @Test
  void proxySettingsAreValidatedAndPasswordsMasked() {
    assertInvalid(() -> ProxySettings.managed("usa"), "proxy.country");
    assertInvalid(() -> ProxySettings.external(" "), "proxy.server");
    SessionRequest r =
        SessionRequest.builder()
            .proxy(ProxySettings.external("http://p:3128", "user", "hunter2"))
            .providerOption("apiSecret", "s3cr3t")
            .build();
    assertThat(r.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t").contains("****");
  }

  @Test
  void proxyCredentialsInTheServerAddressAreRefusedWithoutEchoingThem() {
    for (String server : new String[] {"http://u:hunter2@p:3128", "u:hunter2@p:3128",
        "socks5://hunter2@p:1080/", "//u:hunter2@p:3128"}) {
      assertThatThrownBy(() -> ProxySettings.external(server))
          .isInstanceOf(InvalidSessionRequestException.class)
          .hasMessageContaining("proxy.server")
          .hasMessageContaining("ProxySettings.external(server, username, password)")
          .hasMessageNotContaining("hunter2");
    }
    assertThat(ProxySettings.external("http://p:3128/a@b").toString()).contains("p:3128");
    assertThat(ProxySettings.external("http://p:3128?a=b@c").toString()).contains("p:3128");
  }

  @Test
  void toBuilderRoundTripsEveryField() {
    SessionRequest r =
        SessionRequest.builder()
            .idleTimeout(Duration.ofMinutes(1))
            .maxDuration(Duration.ofMinutes(2))
            .headless(false)
            .viewport(800, 600)
            .userAgent("ua")
            .proxy(ProxySettings.managed("us"))
            .region("eu-central-1")
            .solveCaptchas(true)
            .recordSession(true)
            .keepAlive(true)
            .metadata("a", "b")
            .providerOption("x", 1)
            .build();
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(SessionRequest.defaults().toBuilder().build()).isEqualTo(SessionRequest.defaults());
  }

  @Test
  void requestIsImmutable() {
    SessionRequest r = SessionRequest.builder().metadata("a", "b").build();
    assertThatThrownBy(() -> r.metadata().put("c", "d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
