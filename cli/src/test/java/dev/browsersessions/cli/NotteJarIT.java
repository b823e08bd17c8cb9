package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runnable jar against the Notte simulator on loopback. */
class NotteJarIT extends JarLifecycleContract {

  private static final String KEY = "sk-notte-jar-it";
  private static NotteSimulator sim;

  @BeforeAll
  static void startSimulator() throws IOException {
    sim = new NotteSimulator(Clock.systemUTC(), KEY);
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @Override
  String provider() {
    return "notte";
  }

  @Override
  JarProcess jar() {
    // As from a mounted secret file: the trailing newline is trimmed.
    return new JarProcess(work).env("NOTTE_API_KEY", KEY + "\n");
  }

  @Override
  List<String> config() {
    return List.of("base-url=" + sim.baseUrl(), "max-retries=0", "stop-poll-interval=50ms");
  }

  @Test
  void aVendorMessageIsPrintedWithoutEscapeSequencesAndAsJsonUnderJson() {
    String hostile = "quota \u001b[2J\u001b]0;pwned\u0007exceeded\u009b31m now";
    sim.inject("POST", "/sessions/start", 400, "{\"message\":\"" + hostile.replace("\u001b",
        "\\u001b").replace("\u0007", "\\u0007").replace("\u009b", "\\u009b") + "\"}");
    JarProcess.Run text = jar().run(args("start"));
    sim.inject("POST", "/sessions/start", 400, "{\"message\":\"plain refusal\"}");
    JarProcess.Run json = jar().run(args("start", "--json"));

    assertThat(text.exit()).isNotZero();
    assertThat(text.errLines()).singleElement().asString()
        .startsWith("browser-sessions: ")
        .contains("quota")
        .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
        .doesNotContain("pwned");
    assertThat(json.exit()).isNotZero();
    assertThat(json.out()).isEmpty();
    JsonNode error = JarProcess.parse(json.errLines().get(0));
    assertThat(json.errLines()).hasSize(1);
    assertThat(error.get("exitCode").asInt()).isEqualTo(json.exit());
    assertThat(error.get("type").asText()).endsWith("Exception");
    assertThat(error.get("message").asText()).contains("plain refusal");
  }
}
