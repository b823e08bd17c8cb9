package dev.browsersessions.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BrowserbaseStatusesTest {

  @ParameterizedTest
  @CsvSource({
      "PENDING,PENDING", "RUNNING,ACTIVE", "COMPLETED,CLOSED", "ERROR,ERROR",
      "TIMED_OUT,TIMED_OUT", "running,ACTIVE", "REQUEST_RELEASE,UNKNOWN", "PAUSED,UNKNOWN",
      "'',UNKNOWN"})
  void mapsBrowserbaseStatuses(String vendor, SessionStatus neutral) {
    assertThat(BrowserbaseStatuses.toNeutral(vendor)).isEqualTo(neutral);
  }

  @Test
  void missingStatusIsUnknown() {
    assertThat(BrowserbaseStatuses.toNeutral(null)).isEqualTo(SessionStatus.UNKNOWN);
  }

  @ParameterizedTest
  @EnumSource(value = SessionStatus.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void everyKnownNeutralStatusRoundTrips(SessionStatus status) {
    assertThat(BrowserbaseStatuses.toVendor(status).map(BrowserbaseStatuses::toNeutral))
        .contains(status);
  }

  @Test
  void unknownHasNoBrowserbaseFilter() {
    assertThat(BrowserbaseStatuses.toVendor(SessionStatus.UNKNOWN)).isEmpty();
  }
}
