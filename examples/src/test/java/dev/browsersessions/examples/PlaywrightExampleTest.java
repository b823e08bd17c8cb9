package dev.browsersessions.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlaywrightExampleTest {

  @Test
  void opensThePageInARealLocalChromiumAndReadsItsTitle() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) || System.getenv("CHROME_PATH") != null,
        "No Chromium on this machine (apt-get install chromium); example skipped");
    assertThat(PlaywrightExample.run(PlaywrightExample.DEFAULT_URL))
        .isEqualTo("Hello from browser-sessions");
  }
}
