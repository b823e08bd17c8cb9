package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in shutdown hook stops open sessions when the JVM exits, normally or by SIGTERM. */
class ShutdownHookTest {

  @TempDir Path dir;

  private Process launch(Path record, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(
        java, "-cp", System.getProperty("java.class.path"),
        ShutdownHookMain.class.getName(), record.toString()));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
  }

  private static String firstLine(Process p) throws Exception {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    return r.readLine();
  }

  @Test
  void normalExitStopsOpenSessions() throws Exception {
    Path record = dir.resolve("stops.txt");
    Process p = launch(record);
    assertThat(firstLine(p)).isEqualTo("READY");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(Files.readAllLines(record)).containsExactlyInAnyOrder("stopped s-1", "stopped s-2");
  }

  @Test
  void sigtermStopsOpenSessions() throws Exception {
    Path record = dir.resolve("stops.txt");
    Process p = launch(record, "wait");
    assertThat(firstLine(p)).isEqualTo("READY");
    p.destroy(); // SIGTERM on POSIX
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(record)).containsExactlyInAnyOrder("stopped s-1", "stopped s-2");
    assertThat(new File(dir.toFile(), "err.txt")).exists();
  }
}
