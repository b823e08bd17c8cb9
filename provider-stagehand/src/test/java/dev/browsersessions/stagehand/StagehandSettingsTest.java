package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The settings read every key once, check values when built and never show a key. */
class StagehandSettingsTest {

  private static ProviderConfig.Builder config() {
    return ProviderConfig.builder().environment(Map.of()).systemProperties(new Properties())
        .put("api-key", "bb_secret");
  }

  @Test
  void readsTheLostCreateKeysSharedWithEveryRestProvider() {
    StagehandSettings s = StagehandSettings.from(config().put("lost-create", "REPORT")
        .put("lost-create-wait", "45s").put("stagehand-url", "https://sh.test/v1/").build());
    assertThat(s.lostCreate()).isEqualTo("report");
    assertThat(s.lostCreateWait()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.stagehandUrl()).contains(URI.create("https://sh.test"));
    assertThat(StagehandSettings.from(config().build()).lostCreateWait())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anInvalidValueNamesItsKey() {
    assertThatThrownBy(() -> StagehandSettings.builder("k").lostCreate("keep").build())
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.getMessage()).contains("lost-create", "stop, report or ignore"));
    assertThatThrownBy(() -> StagehandSettings.builder("k").stopTimeout(Duration.ZERO).build())
        .hasMessageContaining("stop-timeout");
    assertThatThrownBy(() -> StagehandSettings.from(ProviderConfig.builder()
        .environment(Map.of()).systemProperties(new Properties()).build()))
        .hasMessageContaining("api-key");
  }

  @Test
  void urlsWithUserInfoAreRefusedWithoutShowingIt() {
    URI withUserInfo = URI.create("https://alice:pw-s3cret@api.example");
    for (var b : java.util.List.of(
        StagehandSettings.builder("k").stagehandUrl(withUserInfo),
        StagehandSettings.builder("k").stagehandUrl("eu-central-1", withUserInfo),
        StagehandSettings.builder("k").browserbaseUrl(withUserInfo))) {
      assertThatThrownBy(b::build)
          .isInstanceOf(ProviderConfigurationException.class)
          .hasMessageContaining("https://****@api.example")
          .hasMessageNotContaining("s3cret").hasMessageNotContaining("alice");
    }
  }

  @Test
  void toStringShowsNoKey() {
    assertThat(StagehandSettings.builder("bb_secret").modelApiKey("model_secret").build()
        .toString()).doesNotContain("bb_secret", "model_secret").contains("****");
  }
}
