package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values from outside (a mounted secret file, an environment variable, a system property) are
 * hostile until checked: whitespace around a secret is dropped, a secret with hidden characters,
 * a URL with a password and a number that does not fit are refused naming the key, never with a
 * raw {@code NumberFormatException} and never showing the secret.
 */
class ProviderConfigHostileValuesTest {

  private static ProviderConfig fromEnvironment(String variable, String value) {
    return ProviderConfig.builder()
        .environment(Map.of(variable, value))
        .systemProperties(new Properties())
        .build()
        .forProvider("notte")
        .withVendorVariable("api-key", "NOTTE_API_KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-live-42\n", "sk-live-42\r\n", "  sk-live-42\t ", "\u00a0sk-live-42"})
  void aSecretReadWithSurroundingWhitespaceIsTrimmed(String raw) {
    ProviderConfig c = fromEnvironment("NOTTE_API_KEY", raw);

    assertThat(c.requireString("api-key")).isEqualTo("sk-live-42");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-li\nve-42", "sk-li\u001b[31mve-42", "sk-li\u0085ve-42",
      "sk-li\u200bve-42", "sk-li\tve-42", "sk-li\u007fve-42", "sk-li\u2028ve-42"})
  void aSecretWithAHiddenCharacterInsideIsRefusedNamingTheKeyNotTheValue(String raw) {
    ProviderConfig c = fromEnvironment("NOTTE_API_KEY", raw);

    assertThatThrownBy(() -> c.requireString("api-key"))
        .isExactlyInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'api-key'")
        .hasMessageContaining("environment variable NOTTE_API_KEY")
        .hasMessageContaining("control or invisible character")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-li").doesNotContain("ve-42"))
        .satisfies(
            e -> assertThat(((ProviderConfigurationException) e).key()).contains("api-key"));
  }

  @Test
  void aSecretAnHttpHeaderCannotCarryIsRefusedWithoutShowingIt() {
    ProviderConfig c = fromEnvironment("NOTTE_API_KEY", "sk-\u65e5\u672c-42");

    assertThatThrownBy(() -> c.requireString("api-key"))
        .isExactlyInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'api-key'")
        .hasMessageContaining("HTTP header")
        .hasMessageContaining("U+65E5")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-").doesNotContain("-42"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://alice:hunter2@api.example", "https://hunter2@api.example/v1",
      "http://alice:hunter2@127.0.0.1:8080", "https://alice:hun/ter2@api.example"})
  void aUrlWithUserInfoIsRefusedWithoutShowingIt(String url) {
    ProviderConfig c = fromEnvironment("BROWSERSESSIONS_NOTTE_BASE_URL", url);

    assertThatThrownBy(() -> c.getUri("base-url"))
        .isExactlyInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'base-url'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("ter2"))
        .satisfies(
            e -> assertThat(((ProviderConfigurationException) e).key()).contains("base-url"));
    assertThatThrownBy(() -> c.getUri("base-url"))
        .satisfies(
            e -> assertThat(e.getMessage()).containsAnyOf("user-info", "absolute URL"));
  }

  @Test
  void aUrlWithUserInfoNamesWhatIsWrong() {
    ProviderConfig c =
        fromEnvironment("BROWSERSESSIONS_NOTTE_BASE_URL", "https://alice:hunter2@api.example");

    assertThatThrownBy(() -> c.getUri("base-url"))
        .hasMessageContaining("user-info")
        .hasMessageContaining("'https://****@api.example'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"//alice:hunter2@proxy.example:3128", "alice:hunter2@proxy.example:3128",
      "https://alice:hunter2@api.example", "HTTP://alice:hunter2@api.example/a@b"})
  void userInfoIsFoundInEveryFormOfAddressAndRefusedWithoutShowingThePassword(String url) {
    ProviderConfig c = fromEnvironment("BROWSERSESSIONS_NOTTE_BASE_URL", url);

    assertThatThrownBy(() -> c.getUri("base-url"))
        .isExactlyInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("user-info")
        .hasMessageContaining("****@")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void toStringHidesTheUserInfoOfEveryValueAndShowsTheRest() {
    ProviderConfig c = ProviderConfig.builder()
        .put("base-url", "https://alice:hunter2@api.example/v1")
        .put("proxy", "//bob:hunter3@proxy.example:3128")
        .put("upstream", "carol:hunter4@proxy.example:3128")
        .put("plain-url", "https://api.example/v1?x=1")
        .build();

    assertThat(c.toString())
        .doesNotContain("hunter")
        .contains("base-url=https://****@api.example/v1")
        .contains("proxy=//****@proxy.example:3128")
        .contains("upstream=****@proxy.example:3128")
        .contains("plain-url=https://api.example/v1?x=1");
  }

  @Test
  void anInvalidValueFromTheEnvironmentIsShownCleanAndBounded() {
    String hostile = "12\u001b]0;owned\u0007x\u202e\n" + "9".repeat(1000);
    ProviderConfig c = fromEnvironment("BROWSERSESSIONS_NOTTE_REQUEST_TIMEOUT", hostile);

    assertThatThrownBy(() -> c.getDuration("request-timeout"))
        .isExactlyInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'request-timeout'")
        .satisfies(e -> assertThat(e.getMessage())
            .doesNotContain("\u001b", "\u0007", "\u202e", "\n", "9".repeat(201))
            .contains("9".repeat(150))
            .hasSizeLessThan(500));
  }

  @Test
  void toStringShowsValuesCleanAndBounded() {
    ProviderConfig c = ProviderConfig.builder()
        .put("label", "a\u001b[2Jb\u009bc\r\n" + "x".repeat(1000))
        .build();

    assertThat(c.toString())
        .doesNotContain("\u001b", "\u009b", "\r", "\n", "x".repeat(201))
        .contains("x".repeat(150))
        .hasSizeLessThan(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999d", "99999999999999999999ms", "106752d",
      "9223372037s", "PT9999999999999999999H", "PT2562048H"})
  void aDurationThatDoesNotFitIsRefusedNamingTheKey(String value) {
    ProviderConfig c = fromEnvironment("BROWSERSESSIONS_NOTTE_REQUEST_TIMEOUT", value);

    assertThatThrownBy(() -> c.getDuration("request-timeout"))
        .isExactlyInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'request-timeout'")
        .hasMessageContaining("'" + value + "'")
        .hasNoCause();
  }

  @Test
  void theLongestDurationAcceptedStillConvertsToNanoseconds() {
    ProviderConfig c = fromEnvironment("BROWSERSESSIONS_NOTTE_REQUEST_TIMEOUT", "106751d");

    Duration d = c.getDuration("request-timeout").orElseThrow();

    assertThat(d.toNanos()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "2147483648", "\uff11\uff12", "1e3", "0x10"})
  void aNumberThatDoesNotFitOrIsNotPlainDigitsIsRefusedNamingTheKey(String value) {
    ProviderConfig c = fromEnvironment("BROWSERSESSIONS_NOTTE_PAGE_SIZE", value);

    assertThatThrownBy(() -> c.getInt("page-size", 100, 1, Integer.MAX_VALUE))
        .isExactlyInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'page-size'")
        .hasNoCause();
  }

  @Test
  void signedAndLargestIntegersStillParse() {
    ProviderConfig c =
        ProviderConfig.builder().put("a", "+7").put("b", "-3").put("c", "2147483647").build();

    assertThat(c.getInt("a", 0, -10, 10)).isEqualTo(7);
    assertThat(c.getInt("b", 0, -10, 10)).isEqualTo(-3);
    assertThat(c.getInt("c", 0, 0, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
  }
}
