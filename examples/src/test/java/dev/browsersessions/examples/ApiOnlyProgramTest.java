package dev.browsersessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program compiled against {@code browser-sessions-api} alone runs with {@code provider-fake}
 * added at run time, on the class path and on the module path.
 */
class ApiOnlyProgramTest {

  private static final String PROGRAM =
      """
      package demo;

      import dev.browsersessions.BrowserSession;
      import dev.browsersessions.BrowserSessions;
      import dev.browsersessions.SessionRequest;

      public class Main {
        public static void main(String[] args) {
          try (BrowserSessions sessions = BrowserSessions.create()) {
            BrowserSession s = sessions.start(SessionRequest.defaults());
            System.out.println("provider=" + sessions.provider() + " status=" + s.info().status());
            System.out.println("final=" + s.stop().status());
          }
        }
      }
      """;

  @TempDir static Path dir;
  static Path api;
  static Path fake;

  @BeforeAll
  static void locateJars() throws Exception {
    api = location(BrowserSessions.class);
    fake = location(Class.forName("dev.browsersessions.fake.FakeProviderFactory"));
  }

  private static Path location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Path compile(String name, boolean asModule) throws IOException {
    Path src = dir.resolve(name + "-src");
    Path out = dir.resolve(name + "-out");
    Files.createDirectories(src.resolve("demo"));
    Files.writeString(src.resolve("demo/Main.java"), PROGRAM);
    List<String> args = new ArrayList<>(List.of("-d", out.toString()));
    if (asModule) {
      Files.writeString(src.resolve("module-info.java"),
          "module demo { requires dev.browsersessions; }");
      args.addAll(List.of("--module-path", api.toString(),
          src.resolve("module-info.java").toString()));
    } else {
      args.addAll(List.of("-cp", api.toString()));
    }
    args.add(src.resolve("demo/Main.java").toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
        .as("compiles against the API alone")
        .isZero();
    return out;
  }

  private static String run(List<String> javaArgs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(javaArgs);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void runsOnTheClassPath() throws Exception {
    Path program = compile("cp", false);
    String out =
        run(List.of("-cp", String.join(File.pathSeparator, program.toString(), api.toString(),
            fake.toString()), "demo.Main"));
    assertThat(out).contains("provider=fake status=ACTIVE").contains("final=CLOSED");
  }

  @Test
  void runsOnTheModulePath() throws Exception {
    Path program = compile("mp", true);
    String out =
        run(List.of("--module-path", String.join(File.pathSeparator, program.toString(),
            api.toString(), fake.toString()), "--module", "demo/demo.Main"));
    assertThat(out).contains("provider=fake status=ACTIVE").contains("final=CLOSED");
  }
}
