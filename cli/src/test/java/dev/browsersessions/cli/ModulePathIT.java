package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command line as a named module ({@code dev.browsersessions.cli}) with the API,
 * picocli and the fake provider on the module path: checks the module descriptor (requires,
 * opens to picocli) and that providers are found as services.
 */
@Timeout(120)
class ModulePathIT {

  @TempDir Path tmp;

  @Test
  void runsAsANamedModule() throws Exception {
    Path cliJar = Path.of("target", "browser-sessions-cli-" + version() + ".jar");
    assertThat(cliJar).as("run 'package' first").isRegularFile();
    List<String> modulePath = new ArrayList<>(List.of(cliJar.toAbsolutePath().toString()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("browser-sessions-api-")
          || name.startsWith("browser-sessions-provider-fake-")
          || name.startsWith("picocli-")) {
        modulePath.add(entry);
      }
    }
    Path out = tmp.resolve("out");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", String.join(File.pathSeparator, modulePath),
                "--add-modules", "ALL-MODULE-PATH",
                "-m", "dev.browsersessions.cli/dev.browsersessions.cli.BrowserSessionsCli",
                "run", "--provider", "fake", "--duration", "10ms")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).contains("cdp-url:").contains("Stopped ");
  }

  private static String version() {
    return System.getProperty("project.version", "0.1.0-SNAPSHOT");
  }
}
