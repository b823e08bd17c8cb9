package dev.browsersessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.local.testing.Chromium;
import org.junit.jupiter.api.Test;

class PlaywrightExampleTest {

  @Test
  void opensThePageInARealLocalChromiumAndReadsItsTitle() {
    Chromium.require(); // as the local provider finds it; skipped without one
    assertThat(PlaywrightExample.run(PlaywrightExample.DEFAULT_URL))
        .isEqualTo("Hello from browser-sessions");
  }
}
