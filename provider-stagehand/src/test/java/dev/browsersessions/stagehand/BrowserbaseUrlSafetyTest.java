package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import org.junit.jupiter.api.Test;

/** The Browserbase key never travels over plain HTTP off loopback. */
class BrowserbaseUrlSafetyTest {

  @Test
  void aPlainHttpBrowserbaseUrlOffLoopbackIsRefusedNamingTheKey() {
    ProviderConfig config = ProviderConfig.builder().put("api-key", "bb-key")
        .put("browserbase-url", "http://browserbase.example").build();
    assertThatThrownBy(() -> BrowserSessions.create("stagehand", config))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("browserbase-url")
        .hasMessageContaining("allow-insecure");
  }
}
