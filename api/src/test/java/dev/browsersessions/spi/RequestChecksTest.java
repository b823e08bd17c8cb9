package dev.browsersessions.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.UnsupportedCapabilityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestChecksTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"abc", "0f9c2d3e-1111-2222-3333-444455556666", "sess_1.a~b:c@d-e", "..a"})
  void pathSafeIdsAreAccepted(String id) {
    assertThat(RequestChecks.requireValidId(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "../x", "a/b", "a\\b", "%2e%2e", "?x=1", "#", "a\r\nb", "a b",
      ".", "..", "ä"})
  void idsThatCouldEscapeAPathSegmentAreRefused(String id) {
    assertThatThrownBy(() -> RequestChecks.requireValidId(id))
        .isInstanceOfSatisfying(
            InvalidSessionRequestException.class,
            e -> {
              assertThat(e.field()).contains("sessionId");
              assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0007b", "a\u007fb", "a\u0085b", "a\u009bb", "a\u202eb",
      "a\u2066b", "a\u200fb", "a\u2028b"})
  void aRefusedIdIsShownWithItsUnsafeCharactersEscaped(String id) {
    String escape = String.format("\\u%04x", (int) id.charAt(1));
    assertThatThrownBy(() -> RequestChecks.requireValidId(id))
        .isInstanceOfSatisfying(
            InvalidSessionRequestException.class,
            e -> assertThat(e.getMessage()).contains("a" + escape + "b")
                .doesNotContain(id.substring(1, 2)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "sess_1.a~b:c@d-e", "..a", "", "  ", "../x", "a/b", "%2e%2e",
      "a\r\nb", ".", "..", "\u00e4"})
  void isValidIdAnswersWhatRequireValidIdDecidesWithoutThrowing(String id) {
    boolean accepted;
    try {
      RequestChecks.requireValidId(id);
      accepted = true;
    } catch (InvalidSessionRequestException e) {
      accepted = false;
    }
    assertThat(RequestChecks.isValidId(id)).isEqualTo(accepted);
  }

  @Test
  void isValidIdRefusesNullAndTooLongIds() {
    assertThat(RequestChecks.isValidId(null)).isFalse();
    assertThat(RequestChecks.isValidId("a".repeat(RequestChecks.MAX_ID_LENGTH))).isTrue();
    assertThat(RequestChecks.isValidId("a".repeat(RequestChecks.MAX_ID_LENGTH + 1))).isFalse();
  }

  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of(SessionRequest.builder().idleTimeout(Duration.ofMinutes(1)),
            Capability.IDLE_TIMEOUT),
        Arguments.of(SessionRequest.builder().maxDuration(Duration.ofMinutes(1)),
            Capability.MAX_DURATION),
        Arguments.of(SessionRequest.builder().headless(true), Capability.HEADLESS),
        Arguments.of(SessionRequest.builder().viewport(1, 1), Capability.VIEWPORT),
        Arguments.of(SessionRequest.builder().userAgent("ua"), Capability.USER_AGENT),
        Arguments.of(SessionRequest.builder().proxy(ProxySettings.external("http://p:1")),
            Capability.PROXY),
        Arguments.of(SessionRequest.builder().proxy(ProxySettings.managed()),
            Capability.MANAGED_PROXY),
        Arguments.of(SessionRequest.builder().region("us-east-1"), Capability.REGION),
        Arguments.of(SessionRequest.builder().solveCaptchas(true), Capability.SOLVE_CAPTCHAS),
        Arguments.of(SessionRequest.builder().recordSession(true), Capability.RECORDING),
        Arguments.of(SessionRequest.builder().keepAlive(true), Capability.KEEP_ALIVE),
        Arguments.of(SessionRequest.builder().metadata(Map.of("a", "b")), Capability.METADATA));
  }

  @ParameterizedTest
  @MethodSource("options")
  void eachOptionNeedsItsCapability(SessionRequest.Builder request, Capability capability) {
    SessionRequest r = request.build();
    Set<Capability> without = EnumSet.allOf(Capability.class);
    without.remove(capability);
    assertThatThrownBy(() -> RequestChecks.requireSupported(r, without, "p"))
        .isInstanceOfSatisfying(
            UnsupportedCapabilityException.class,
            e -> {
              assertThat(e.capability()).isEqualTo(capability);
              assertThat(e.getMessage()).contains("'p'").contains(capability.name());
            });
    RequestChecks.requireSupported(r, EnumSet.of(capability), "p");
  }

  @ParameterizedTest
  @MethodSource("options")
  void aRequestUsesExactlyTheOptionItSets(SessionRequest.Builder request, Capability capability) {
    SessionRequest r = request.build();
    assertThat(EnumSet.allOf(Capability.class)).filteredOn(c -> c.isUsedBy(r))
        .containsExactly(capability);
    assertThat(capability.isRequestOption()).isTrue();
  }

  @Test
  void theRequestOptionsAreEveryCapabilityButTheOperationsAndAnswers() {
    Set<Capability> tested = EnumSet.noneOf(Capability.class);
    options().forEach(a -> tested.add((Capability) a.get()[1]));
    assertThat(Capability.requestOptions()).isEqualTo(tested)
        .doesNotContain(Capability.LIST, Capability.CDP_URL, Capability.LIVE_VIEW);
    assertThat(Capability.LIST.isUsedBy(SessionRequest.defaults())).isFalse();
  }

  @Test
  void aNullRequestIsInvalid() {
    assertThatThrownBy(() -> RequestChecks.requireSupported(null, Set.of(), "p"))
        .isInstanceOfSatisfying(dev.browsersessions.InvalidSessionRequestException.class,
            e -> assertThat(e.getMessage()).contains("request"));
  }

  @Test
  void defaultsNeedNoCapability() {
    org.assertj.core.api.Assertions.assertThatCode(
            () -> RequestChecks.requireSupported(SessionRequest.defaults(), Set.of(), "p"))
        .doesNotThrowAnyException();
  }
}
