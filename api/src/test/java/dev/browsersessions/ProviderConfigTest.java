package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderConfigTest {

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static ProviderConfig notte(
      ProviderConfig.Builder b, Map<String, String> env, Properties props) {
    return b.environment(env)
        .systemProperties(props)
        .build()
        .forProvider("notte")
        .withVendorVariable("api-key", "NOTTE_API_KEY");
  }

  @Test
  void explicitValueWinsOverPropertyEnvironmentAndVendorVariable() {
    ProviderConfig c =
        notte(
            ProviderConfig.builder().put("api-key", "explicit"),
            Map.of("BROWSERSESSIONS_NOTTE_API_KEY", "env", "NOTTE_API_KEY", "vendor"),
            props("browsersessions.notte.api-key", "prop"));
    assertThat(c.getString("api-key")).contains("explicit");
  }

  @Test
  void systemPropertyWinsOverEnvironment() {
    ProviderConfig c =
        notte(
            ProviderConfig.builder(),
            Map.of("BROWSERSESSIONS_NOTTE_API_KEY", "env", "NOTTE_API_KEY", "vendor"),
            props("browsersessions.notte.api-key", "prop"));
    assertThat(c.getString("api-key")).contains("prop");
  }

  @Test
  void libraryEnvironmentVariableWinsOverVendorVariable() {
    ProviderConfig c =
        notte(
            ProviderConfig.builder(),
            Map.of("BROWSERSESSIONS_NOTTE_API_KEY", "env", "NOTTE_API_KEY", "vendor"),
            props());
    assertThat(c.getString("api-key")).contains("env");
  }

  @Test
  void vendorVariableIsConsultedLastAndBlankValuesCountAsUnset() {
    ProviderConfig c =
        notte(
            ProviderConfig.builder().put("api-key", " "),
            Map.of("BROWSERSESSIONS_NOTTE_API_KEY", "", "NOTTE_API_KEY", "vendor"),
            props("browsersessions.notte.api-key", ""));
    assertThat(c.getString("api-key")).contains("vendor");
  }

  @Test
  void dottedAndDashedKeysMapToUnderscoredEnvironmentNames() {
    ProviderConfig c =
        ProviderConfig.builder()
            .environment(Map.of("BROWSERSESSIONS_NOTTE_RETRY_MAX_ATTEMPTS", "4"))
            .systemProperties(props())
            .build()
            .forProvider("notte");
    assertThat(c.getInt("retry.max-attempts", 1, 1, 10)).isEqualTo(4);
  }

  @Test
  void missingRequiredKeyNamesEveryPlaceItCanBeSet() {
    ProviderConfig c = notte(ProviderConfig.builder(), Map.of(), props());
    assertThatThrownBy(() -> c.requireString("api-key"))
        .isInstanceOfSatisfying(
            ProviderConfigurationException.class,
            e -> {
              assertThat(e.key()).contains("api-key");
              assertThat(e.provider()).contains("notte");
              assertThat(e.getMessage())
                  .contains("-Dbrowsersessions.notte.api-key")
                  .contains("BROWSERSESSIONS_NOTTE_API_KEY")
                  .contains("NOTTE_API_KEY");
            });
  }

  @ParameterizedTest
  @CsvSource({"PT30S,30000", "30s,30000", "500ms,500", "5m,300000", "2h,7200000", "1d,86400000",
      "0s,0"})
  void durationsAcceptIsoAndShortForms(String text, long millis) {
    ProviderConfig c = ProviderConfig.builder().put("request-timeout", text).build();
    assertThat(c.getDuration("request-timeout")).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({"abc", "-5s", "PT-1S", "10"})
  void malformedOrNegativeDurationsAreRefusedNamingKeySourceAndValue(String text) {
    ProviderConfig c =
        ProviderConfig.builder()
            .environment(Map.of("BROWSERSESSIONS_NOTTE_REQUEST_TIMEOUT", text))
            .systemProperties(props())
            .build()
            .forProvider("notte");
    assertThatThrownBy(() -> c.getDuration("request-timeout"))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'request-timeout'")
        .hasMessageContaining("environment variable BROWSERSESSIONS_NOTTE_REQUEST_TIMEOUT")
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void integersAreBounded() {
    ProviderConfig c =
        ProviderConfig.builder().put("max-attempts", "1000").put("bad", "x").build();
    assertThatThrownBy(() -> c.getInt("max-attempts", 3, 1, 10))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> c.getInt("bad", 3, 1, 10))
        .isInstanceOf(ProviderConfigurationException.class);
    assertThat(c.getInt("unset", 3, 1, 10)).isEqualTo(3);
  }

  @Test
  void booleansAndUris() {
    ProviderConfig c =
        ProviderConfig.builder()
            .put("allow-insecure", "TRUE")
            .put("base-url", "http://127.0.0.1:8080")
            .put("weird", "maybe")
            .put("relative", "/just/a/path")
            .build();
    assertThat(c.getBoolean("allow-insecure", false)).isTrue();
    assertThat(c.getBoolean("unset", true)).isTrue();
    assertThatThrownBy(() -> c.getBoolean("weird", false))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("true or false");
    assertThat(c.getUri("base-url")).contains(URI.create("http://127.0.0.1:8080"));
    assertThatThrownBy(() -> c.getUri("relative"))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("absolute URL");
  }

  @Test
  void secretsNeverAppearInToStringOrErrorMessages() {
    String secret = "sk-live-123456789";
    ProviderConfig c =
        ProviderConfig.builder()
            .put("api-key", secret)
            .put("model-api-key", secret)
            .put("base-url", "https://api.example")
            .build()
            .forProvider("notte");
    assertThat(c.toString())
        .doesNotContain(secret)
        .contains("api-key=****")
        .contains("base-url=https://api.example");
    assertThatThrownBy(() -> c.getInt("api-key", 1, 1, 2))
        .isInstanceOf(ProviderConfigurationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).contains("secret"));
  }

  @Test
  void malformedKeysAreRefused() {
    assertThatThrownBy(() -> ProviderConfig.builder().put("API KEY", "x"))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'API KEY'");
  }

  @Test
  void unboundConfigReadsOnlyExplicitValuesAndVendorVariables() {
    ProviderConfig c =
        ProviderConfig.builder()
            .environment(Map.of("NOTTE_API_KEY", "vendor"))
            .systemProperties(props("browsersessions.notte.api-key", "prop"))
            .build()
            .withVendorVariable("api-key", "NOTTE_API_KEY");
    assertThat(c.provider()).isEmpty();
    assertThat(c.getString("api-key")).contains("vendor");
  }
}
