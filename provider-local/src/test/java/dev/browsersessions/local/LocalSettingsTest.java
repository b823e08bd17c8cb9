package dev.browsersessions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.local.internal.PosixUser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every key is read once, typed and checked; wrong values name their key. */
class LocalSettingsTest {

  private static final String SH = "/bin/sh";

  @Test
  void readsEveryKeyFromConfiguration() {
    LocalSettings s = LocalSettings.from(ProviderConfig.builder()
        .put("chrome-path", SH).put("state-dir", "/tmp/bs-state")
        .put("start-timeout", "20s").put("stop-grace", "2s").put("record-retention", "1h")
        .put("detach", "true").put("no-sandbox", "false").build());
    assertThat(s.chromium()).isEqualTo(Path.of(SH));
    assertThat(s.stateDir()).isEqualTo(Path.of("/tmp/bs-state"));
    assertThat(s.startTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.stopGrace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.recordRetention()).isEqualTo(Duration.ofHours(1));
    assertThat(s.detach()).isTrue();
    assertThat(s.noSandbox()).isFalse();
  }

  @Test
  void defaultsEndSessionsWithTheJvmAndDropTheSandboxOnlyAsRoot() {
    LocalSettings s = LocalSettings.builder().chromium(Path.of(SH)).build();
    assertThat(s.detach()).isFalse();
    assertThat(s.noSandbox()).isEqualTo(PosixUser.isRoot());
    assertThat(s.stateDir()).isEqualTo(LocalSettings.defaultStateDir());
    assertThat(s.startTimeout()).isEqualTo(LocalSettings.DEFAULT_START_TIMEOUT);
    // Longer than a day, so that a record is still there "a day later" (conformance R6.5).
    assertThat(s.recordRetention()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void aNonPositiveDurationOrAMissingBinaryNamesItsKey() {
    assertThatThrownBy(() -> LocalSettings.builder().chromium(Path.of(SH))
        .stopGrace(Duration.ZERO).build())
        .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("stop-grace");
    assertThatThrownBy(() -> LocalSettings.builder().chromium(Path.of("/nonexistent/chromium"))
        .build())
        .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("chrome-path");
  }
}
