package dev.browsersessions.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.ProviderConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code lost-start-wait}: the request timeout up to 10 s unless set. */
class LostStartWaitSettingTest {

  private static StagehandSettings settings(Map<String, String> keys, Duration requestTimeout) {
    ProviderConfig.Builder b = ProviderConfig.builder().environment(Map.of())
        .systemProperties(new Properties()).put("api-key", "bb_key");
    keys.forEach(b::put);
    return StagehandSettings.from(b.build().forProvider("stagehand"), "stagehand",
        requestTimeout);
  }

  @Test
  void defaultsToTheRequestTimeoutUpToTenSeconds() {
    assertThat(settings(Map.of(), Duration.ofMillis(500)).lostStartWait())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(settings(Map.of(), Duration.ofSeconds(30)).lostStartWait())
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void explicitValueWins() {
    assertThat(settings(Map.of("lost-start-wait", "45s"), Duration.ofSeconds(30)).lostStartWait())
        .isEqualTo(Duration.ofSeconds(45));
    assertThat(settings(Map.of("lost-start-wait", "0s"), Duration.ofSeconds(30)).lostStartWait())
        .isZero();
  }
}
