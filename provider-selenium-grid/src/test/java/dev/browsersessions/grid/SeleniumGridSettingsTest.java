package dev.browsersessions.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration is checked when the provider is built, with messages naming the key. */
class SeleniumGridSettingsTest {

  private static SeleniumGridSettings from(Map<String, String> values) {
    return SeleniumGridSettings.from(ProviderConfig.builder()
        .environment(Map.of()).systemProperties(new java.util.Properties())
        .put("url", values.getOrDefault("url", "http://127.0.0.1:4444"))
        .put("browser", values.getOrDefault("browser", "chrome"))
        .put("queue-timeout", values.getOrDefault("queue-timeout", "60s"))
        .put("lost-create", values.getOrDefault("lost-create", "stop"))
        .put("lost-create-wait", values.getOrDefault("lost-create-wait", "5s"))
        .build());
  }

  @Test
  void theLostCreateKeysAreEveryRestProvidersAndChecked() {
    SeleniumGridSettings s = from(Map.of("lost-create", "REPORT", "lost-create-wait", "2s"));
    assertThat(s.lostCreate()).isEqualTo("report");
    assertThat(s.lostCreateWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(SeleniumGridSettings.builder().url(java.net.URI.create("http://127.0.0.1:4444"))
        .build().lostCreate()).isEqualTo("stop");
    assertThatThrownBy(() -> from(Map.of("lost-create", "later")))
        .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("lost-create");
    assertThatThrownBy(() -> from(Map.of("lost-create-wait", "11m")))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("lost-create-wait");
  }

  @Test
  void readsTheKeysAndDropsATrailingSlash() {
    SeleniumGridSettings s = from(Map.of("url", "http://127.0.0.1:4444/", "queue-timeout", "90s"));
    assertThat(s.url()).hasToString("http://127.0.0.1:4444");
    assertThat(s.queueTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.browser()).isEqualTo("chrome");
    assertThat(s.username()).isEmpty();
  }

  @Test
  void aMissingUrlNamesTheKeyAndTheVariable() {
    assertThatThrownBy(() -> SeleniumGridSettings.builder().build())
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'url'").hasMessageContaining("SE_GRID_URL");
  }

  @Test
  void untestedBrowsersAreRefused() {
    assertThatThrownBy(() -> from(Map.of("browser", "firefox")))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'browser'").hasMessageContaining("only 'chrome'");
  }

  @Test
  void plainHttpOffLoopbackNeedsAllowInsecure() {
    assertThatThrownBy(() -> from(Map.of("url", "http://grid.example:4444")))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("allow-insecure");
  }

  @Test
  void credentialsGoTogetherAndThePasswordIsNeverShown() {
    assertThatThrownBy(() -> SeleniumGridSettings.builder()
        .url(java.net.URI.create("https://grid.example")).credentials("ci", null).build())
        .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("'password'");
    SeleniumGridSettings s = SeleniumGridSettings.builder()
        .url(java.net.URI.create("https://grid.example")).credentials("ci", "s3cret-pw").build();
    assertThat(s.toString()).contains("ci").doesNotContain("s3cret-pw");
  }

  @Test
  void credentialsQueriesAndFragmentsInTheUrlAreRefusedWithoutShowingThem() {
    assertThatThrownBy(() -> from(Map.of("url", "https://ci:pw@grid.example")))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("user-info").hasMessageNotContaining("ci:pw");
    for (String url : new String[] {"http://ci:pw@grid.example", "https://grid.example/?t=pw",
        "https://grid.example/#pw"}) {
      assertThatThrownBy(() -> SeleniumGridSettings.builder()
          .url(java.net.URI.create(url)).build()).as(url)
          .isInstanceOfSatisfying(ProviderConfigurationException.class,
              e -> assertThat(e.key()).contains("url"))
          .hasMessageContaining("no user-info, query or fragment")
          .hasMessageNotContaining("ci:").hasMessageNotContaining("pw");
    }
  }

  @Test
  void theFactoryBuildsWithoutIo() {
    SeleniumGridProviderFactory factory = new SeleniumGridProviderFactory();
    assertThat(factory.name()).isEqualTo("selenium-grid");
    // nothing listens on port 9: building must not connect
    try (var provider = factory.create(ProviderConfig.of(Map.of("url", "http://127.0.0.1:9")))) {
      assertThat(provider.name()).isEqualTo("selenium-grid");
    }
  }
}
