package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.browsersessions.local.testing.Chromium;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar with a real headless Chromium (found as the local provider finds it: {@code
 * CHROME_PATH}, {@code -Dbrowsersessions.local.chrome-path} or the {@code PATH}; skipped without
 * one); the sessions are recorded in a temporary state directory, so a later process finds them.
 */
class LocalJarIT extends JarLifecycleContract {

  private static Path chromium;

  @BeforeAll
  static void findChromium() {
    chromium = Chromium.require();
  }

  @Override
  String provider() {
    return "local";
  }

  @Override
  JarProcess jar() {
    return new JarProcess(work);
  }

  @Override
  List<String> config() {
    return List.of("chrome-path=" + chromium, "state-dir=" + work.resolve("state"));
  }

  /** The README's main job: {@code run --provider local --duration 5s}, here for 2 s in JSON. */
  @Test
  void runStartsARealBrowserKeepsItForTheDurationThenStopsIt() throws Exception {
    JarProcess jar = jar();
    long begun = System.nanoTime();

    JarProcess.Run run = jar.run(args("run", "--duration", "2s", "--json")).ok();

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun))
        .as("kept for --duration").isGreaterThanOrEqualTo(2000);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).as(run.out()).hasSize(2);
    JsonNode started = JarProcess.parse(lines.get(0));
    JsonNode stopped = JarProcess.parse(lines.get(1));
    String id = started.get("session").get("id").asText();
    assertThat(started.get("event").asText()).isEqualTo("started");
    assertThat(started.get("session").get("provider").asText()).isEqualTo("local");
    assertThat(started.get("session").get("status").asText()).isEqualTo("ACTIVE");
    assertThat(started.get("session").get("cdpUrl").asText()).startsWith("ws://127.0.0.1:");
    assertThat(stopped.get("event").asText()).isEqualTo("stopped");
    assertThat(stopped.get("session").get("id").asText()).isEqualTo(id);
    assertThat(stopped.get("session").get("status").asText()).isEqualTo("CLOSED");

    // Nothing left running: the browser process has ended and a later process sees the session
    // ended too.
    long pid = started.get("session").get("attributes").get("pid").asLong();
    ProcessHandle.of(pid).ifPresent(browser -> {
      try {
        browser.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("Chromium " + pid + " still runs after run ended", e);
      }
    });
    JsonNode active = jar.run(args("list", "--json", "--status", "active")).ok().json();
    assertThat(StreamSupport.stream(active.spliterator(), false).map(s -> s.get("id").asText()))
        .doesNotContain(id);
  }
}
