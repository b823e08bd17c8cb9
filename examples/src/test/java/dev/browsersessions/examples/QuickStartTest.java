package dev.browsersessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void startsPrintsAndStopsASessionOnTheProviderOnTheClassPath() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SessionInfo last = QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(last.status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(out)
        .contains("provider: fake")
        .contains("status:   ACTIVE")
        .containsPattern("cdp url:  ws://\\S+")
        .contains("final:    CLOSED");
  }
}
