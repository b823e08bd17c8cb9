package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-08-07T10:00:00Z", "2026-08-07T10:00:00.1Z",
      "2026-08-07T10:00:00.123456789Z", "2026-08-07T10:00:00.123+02:00",
      "2026-08-07T10:00:00-05:30", "2024-02-29T23:59:59.999z"})
  void theCommonFormsGiveWhatTheJdkGives(String text) {
    Instant expected = OffsetDateTime.parse(text.replace('z', 'Z')).toInstant();
    assertThat(IsoInstants.parse(text, true)).isEqualTo(expected);
    assertThat(IsoInstants.parse(text, false)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026-08-07", "2026-08-07T10:00Z", "2026-02-30T10:00:00Z",
      "2026-08-07T10:00:00.Z", "2026-08-07T10:00:00.1234567890Z", "2026-08-07T10:00:00+2:00",
      "2026-08-07T10:00:00+19:00", "2026-08-07 10:00:00Z", "x026-08-07T10:00:00Z",
      " 2026-08-07T10:00:00Z"})
  void anythingElseIsLeftToAFormatter(String text) {
    assertThat(IsoInstants.parse(text, false)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-08-07T10:00:00", "2026-08-07T10:00:00.5"})
  void aTimeWithoutOffsetIsUtcOrRefused(String text) {
    assertThat(IsoInstants.parse(text, false)).isEqualTo(Instant.parse(text + "Z"));
    assertThat(IsoInstants.parse(text, true)).isNull();
  }
}
