package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lost-create settings accept 0 to 10 minutes of looking, however they are made. */
class LostCreateSettingsTest {

  @Test
  void theRecordRefusesALookForOutOfRangeNamingTheOption() {
    for (Duration bad : new Duration[] {Duration.ofMillis(-1), LostCreateSettings.MAX_WAIT
        .plusNanos(1)}) {
      assertThatThrownBy(() -> new LostCreateSettings(LostCreatePolicy.STOP, bad))
          .as(bad.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(LostCreateSettings.WAIT_KEY);
    }
    assertThat(new LostCreateSettings(LostCreatePolicy.REPORT, Duration.ZERO).lookFor())
        .isZero();
    assertThat(new LostCreateSettings(LostCreatePolicy.REPORT, LostCreateSettings.MAX_WAIT)
        .lookFor()).isEqualTo(LostCreateSettings.MAX_WAIT);
  }

  @Test
  void configuredValuesOutOfRangeAreAConfigurationErrorNamingTheKey() {
    assertThatThrownBy(() -> LostCreateSettings.of("acme", "stop", Duration.ofMinutes(11)))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining(LostCreateSettings.WAIT_KEY);
  }
}
