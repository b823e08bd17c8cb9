package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DevToolsLineTest {

  private static final String NOISE =
      "/usr/bin/chromium: 9: [: 25276063744: unexpected operator\n"
          + "[123:456:ERROR:dbus/bus.cc(405)] Failed to connect to the bus: no socket\n";

  @Test
  void findsTheUrlAfterTheNoise() throws Exception {
    String err = NOISE + "\nDevTools listening on ws://127.0.0.1:40123/devtools/browser/abc-1\n"
        + "more noise after\n";
    DevToolsLine line = DevToolsLine.watch(
        new ByteArrayInputStream(err.getBytes(StandardCharsets.UTF_8)), "t");
    assertThat(line.url().get(5, TimeUnit.SECONDS))
        .isEqualTo(URI.create("ws://127.0.0.1:40123/devtools/browser/abc-1"));
    assertThat(line.tail()).anyMatch(l -> l.contains("dbus"));
  }

  @Test
  void streamThatEndsWithoutTheUrlFailsAndKeepsTheLastLines() {
    DevToolsLine line = DevToolsLine.watch(
        new ByteArrayInputStream(NOISE.getBytes(StandardCharsets.UTF_8)), "t");
    assertThatThrownBy(() -> line.url().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("closed its error stream");
    assertThat(line.tail()).hasSize(2).first().asString().contains("unexpected operator");
  }

  @Test
  void parseAcceptsOnlyWebSocketUrls() {
    assertThat(DevToolsLine.parse("DevTools listening on ws://127.0.0.1:1/devtools/browser/x"))
        .contains(URI.create("ws://127.0.0.1:1/devtools/browser/x"));
    assertThat(DevToolsLine.parse("[0101/ERROR] DevTools listening on http://nope")).isEmpty();
    assertThat(DevToolsLine.parse("unrelated")).isEmpty();
  }
}
