package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A JVM that started sessions through a REST provider with {@code shutdownHook(true)} and never
 * closed its client leaves no active session behind, whether it exits normally or by SIGTERM.
 * The child JVM talks to the simulator running in this JVM (through the fault proxies, idle).
 */
class ShutdownTest {

  static final String CHILD_REQUEST_TIMEOUT = "10s";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"notte, exit", "notte, wait", "stagehand, exit", "stagehand, wait"})
  void theShutdownHookStopsEverySession(String provider, String mode) throws Exception {
    try (Target t = Target.of(provider)) {
      Path err = dir.resolve("child-err.txt");
      Process child = launch(t, mode, err);
      String started;
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        started = out.readLine();
        if (started == null) {
          child.waitFor(30, TimeUnit.SECONDS);
          throw new AssertionError("the child printed nothing; its stderr:\n" + Files.readString(err));
        }
        assertThat(started).startsWith("STARTED ");
        assertThat(started.substring(8).split(" ")).hasSize(ShutdownChild.SESSIONS);
        assertThat(t.activeCount.getAsLong()).as("active while the child runs")
            .isEqualTo(ShutdownChild.SESSIONS);
        if (mode.equals("wait")) {
          child.destroy(); // SIGTERM on Linux
        } else {
          child.getOutputStream().write('\n'); // lets main return
          child.getOutputStream().flush();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
      } finally {
        child.destroyForcibly();
      }
      assertThat(t.activeCount.getAsLong()).as("active after the child exited (stderr: %s)",
          Files.readString(err)).isZero();
    }
  }

  private static Process launch(Target t, String mode, Path err) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        ShutdownChild.class.getName(), t.provider, mode));
    Map<String, String> settings = new LinkedHashMap<>(t.settings());
    // a cold JVM on a loaded machine: no start may fail for want of time
    settings.put("request-timeout", CHILD_REQUEST_TIMEOUT);
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    return new ProcessBuilder(cmd).redirectError(err.toFile()).start();
  }
}
