package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs the built runnable jar ({@code target/browser-sessions.jar}) as a separate process, the way
 * users do: {@code java -jar browser-sessions.jar ...}. Runs in the failsafe phase, after {@code
 * package}.
 */
@Timeout(120)
class BrowserSessionsJarIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private JarProcess jar;

  @BeforeEach
  void findJar() {
    jar = new JarProcess(tmp);
  }

  @Test
  void versionAndHelp() throws Exception {
    JarProcess.Run version = java("--version");
    JarProcess.Run help = java("--help");

    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("browser-sessions 0.");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Exit codes:");
  }

  /**
   * The jar carries every provider of this repository, and nothing else: each module of the root
   * pom's {@code <modules>} that registers a {@code BrowserSessionProviderFactory} ({@code
   * provider-<name>}). A provider dropped from the jar (or a new one not added) fails here, on a
   * machine without Chromium or chromedriver too, where {@link LocalJarIT} and {@link GridJarIT}
   * are skipped.
   */
  @Test
  void providersListsEveryProviderOfTheRepository() throws Exception {
    List<String> expected = providerModules();
    JarProcess.Run r = java("providers", "--json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("providers").findValuesAsText("name"))
        .as("providers in %s", r.out())
        .containsExactlyElementsOf(expected);
    assertThat(doc.get("reason").asText())
        .contains("none was chosen: " + String.join(", ", expected) + ".");
  }

  /** The provider names of the root pom's modules that register a provider factory, sorted. */
  private static List<String> providerModules() throws Exception {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..");
    Element project =
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(root.resolve("pom.xml").toFile()).getDocumentElement();
    NodeList modules = null; // the project's own <modules>, not a profile's
    for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if ("modules".equals(n.getNodeName())) {
        modules = ((Element) n).getElementsByTagName("module");
      }
    }
    assertThat(modules).as("<modules> in %s", root.resolve("pom.xml")).isNotNull();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().strip();
      if (Files.exists(root.resolve(module).resolve(
          "src/main/resources/META-INF/services/"
              + "dev.browsersessions.spi.BrowserSessionProviderFactory"))) {
        assertThat(module).as("a provider module is named provider-<name>").startsWith("provider-");
        names.add(module.substring("provider-".length()));
      }
    }
    assertThat(names).as("provider modules in %s", root.resolve("pom.xml")).isNotEmpty();
    Collections.sort(names);
    return names;
  }

  @Test
  void startStatusStopOnTheFake() throws Exception {
    JarProcess.Run start = java("start", "--provider", "fake", "--json", "--metadata", "who=it");

    assertThat(start.exit()).as(start.err()).isZero();
    JsonNode session = JSON.readTree(start.out());
    String id = session.get("id").asText();
    assertThat(session.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(session.get("cdpUrl").asText()).startsWith("ws://");

    // The fake keeps its sessions in memory: a new process does not know this one.
    JarProcess.Run list = java("list", "--provider", "fake", "--json");
    JarProcess.Run status = java("status", "--provider", "fake", id);
    JarProcess.Run stop = java("stop", "--provider", "fake", id);

    assertThat(list.ok().json().isArray()).isTrue();
    assertThat(list.json()).isEmpty();
    assertThat(status.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(status.errLines()).singleElement().asString().contains(id);
    assertThat(stop.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(stop.errLines()).singleElement().asString().contains(id);
  }

  @Test
  void runStartsAndStopsInOneProcess() throws Exception {
    JarProcess.Run r = java("run", "--provider", "fake", "--duration", "200ms", "--json");

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(0)).get("event").asText()).isEqualTo("started");
    JsonNode stopped = JSON.readTree(lines.get(1));
    assertThat(stopped.get("event").asText()).isEqualTo("stopped");
    assertThat(stopped.get("session").get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroy() is forcible on Windows")
  void runStopsTheSessionWhenTheProcessIsAskedToEnd() throws Exception {
    Path out = tmp.resolve("run-out");
    Process p =
        new ProcessBuilder(javaCommand("run", "--provider", "fake", "--json"))
            .redirectOutput(out.toFile())
            .redirectError(tmp.resolve("run-err").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(out).contains("\"started\"") && System.nanoTime() < deadline) {
        assertThat(p.isAlive()).as("run ended early").isTrue();
        p.waitFor(50, TimeUnit.MILLISECONDS);
      }
      p.destroy(); // SIGTERM on Unix: shutdown hooks run, as on Ctrl-C
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    List<String> lines = Files.readString(out).lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode stopped = JSON.readTree(lines.get(1));
    assertThat(stopped.get("event").asText()).isEqualTo("stopped");
    assertThat(stopped.get("session").get("status").asText()).isEqualTo("CLOSED");
    assertThat(stopped.get("session").get("id").asText())
        .isEqualTo(JSON.readTree(lines.get(0)).get("session").get("id").asText());
  }

  @Test
  void stopAllWithNothingToStopAndNoInput() throws Exception {
    JarProcess.Run r = java("stop", "--all", "--provider", "fake");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("No active sessions");
  }

  @Test
  void badInputIsOneLineAndTheRightCode() throws Exception {
    JarProcess.Run unknownProvider = java("status", "--provider", "nosuch", "abc");
    JarProcess.Run badDuration = java("start", "--provider", "fake", "--max-duration", "soon");
    JarProcess.Run directoryAsArgumentFile = java("@" + tmp.toAbsolutePath());

    assertThat(directoryAsArgumentFile.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(directoryAsArgumentFile.errLines()).singleElement().asString()
        .startsWith("browser-sessions: ")
        .contains("argument file");

    assertThat(unknownProvider.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownProvider.errLines()).singleElement().asString().contains("'nosuch'");
    assertThat(badDuration.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badDuration.errLines()).singleElement().asString().contains("--max-duration");
  }

  private List<String> javaCommand(String... args) {
    return jar.command(args);
  }

  private JarProcess.Run java(String... args) {
    return jar.run(args);
  }
}
