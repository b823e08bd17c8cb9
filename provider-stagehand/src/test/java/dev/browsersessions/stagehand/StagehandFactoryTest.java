package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StagehandFactoryTest {

  private static ProviderConfig.Builder isolated(Map<String, String> env) {
    return ProviderConfig.builder().environment(env).systemProperties(new Properties());
  }

  @Test
  void serviceLoaderFindsTheFactoryByName() {
    assertThat(ServiceLoader.load(BrowserSessionProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get).map(BrowserSessionProviderFactory::name))
        .contains("stagehand");
    assertThat(BrowserSessions.available()).contains("stagehand");
  }

  @Test
  void missingApiKeyFailsAtFactoryTimeNamingTheKeyAndVariable() {
    assertThatThrownBy(() -> new StagehandProviderFactory()
        .create(isolated(Map.of()).build().forProvider("stagehand")))
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("api-key"))
        .hasMessageContaining("BROWSERBASE_API_KEY")
        .hasMessageContaining("BROWSERSESSIONS_STAGEHAND_API_KEY");
  }

  @Test
  void vendorVariablesAreHonouredAndNeverShown() {
    BrowserSessionProvider p = new StagehandProviderFactory().create(isolated(Map.of(
        "BROWSERBASE_API_KEY", "bb_env_secret", "MODEL_API_KEY", "sk-env-secret",
        "STAGEHAND_API_URL", "http://127.0.0.1:1/v1")).build());
    assertThat(p.name()).isEqualTo("stagehand");
    assertThat(p.toString()).doesNotContain("bb_env_secret").doesNotContain("sk-env-secret")
        .contains("http://127.0.0.1:1");
    p.close();
  }

  @Test
  void badSettingsFailNamingTheKey() {
    assertThatThrownBy(() -> new StagehandProviderFactory().create(isolated(Map.of())
        .put("api-key", "k").put("stop-timeout", "soon").build()))
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("stop-timeout"));
    assertThatThrownBy(() -> new StagehandProviderFactory().create(isolated(Map.of())
        .put("api-key", "k").put("browserbase-url", "not a url").build()))
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("browserbase-url"));
  }

  @Test
  void capabilitiesAreExactlyWhatIsImplemented() {
    try (BrowserSessionProvider p = new StagehandProviderFactory()
        .create(isolated(Map.of()).put("api-key", "k").build())) {
      assertThat(p.capabilities()).isEqualTo(EnumSet.of(
          Capability.MAX_DURATION, Capability.VIEWPORT, Capability.PROXY,
          Capability.MANAGED_PROXY, Capability.REGION, Capability.SOLVE_CAPTCHAS,
          Capability.RECORDING, Capability.KEEP_ALIVE, Capability.METADATA, Capability.LIST,
          Capability.CDP_URL, Capability.LIVE_VIEW));
    }
  }
}
