package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.fake.FakeOperation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How failures reach the user: never as a raw stack trace, as one JSON object per error under
 * {@code --json}, and with what came from outside cleaned of terminal escape sequences.
 */
class ErrorStyleTest {

  private final FakeCliFixture f = new FakeCliFixture();

  @AfterEach
  void unregister() {
    f.close();
  }

  @Test
  void underJsonAnErrorIsOneJsonObjectWithTheExitCodeTypeAndMessage() {
    CliResult notFound = f.run("status", "--json", "nope-123");
    CliResult usage = f.run("status", "--json", "--colour", "x");
    CliResult usageBeforeJson = f.run("start", "--max-duration", "soon", "--json");

    assertThat(notFound.out()).isEmpty();
    assertThat(error(notFound))
        .containsEntry("exitCode", "3")
        .containsEntry("type", "SessionNotFoundException");
    assertThat(error(notFound).get("message")).contains("nope-123");
    assertThat(error(usage)).containsEntry("exitCode", "2");
    assertThat(error(usage).get("message")).contains("--colour");
    assertThat(error(usageBeforeJson)).containsEntry("exitCode", "2");
    assertThat(error(usageBeforeJson).get("message")).contains("--max-duration");
  }

  @Test
  void underJsonAndVerboseTheStackTraceIsAFieldOfTheObject() {
    CliResult r = f.run("status", "--json", "--verbose", "nope-123");

    assertThat(r.errLines()).hasSize(1);
    JsonNode doc = JarProcess.parse(r.errLines().get(0));
    assertThat(doc.get("stackTrace").asText()).contains("SessionNotFoundException").contains("\tat ");
  }

  @Test
  void anArgumentFileThatIsADirectoryIsOneLineAndBadUsage(@TempDir Path dir) {
    CliResult text = CliResult.run("@" + dir);
    CliResult json = CliResult.run("--json", "@" + dir);

    assertThat(text.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(text.errLines()).singleElement().asString()
        .startsWith("browser-sessions: ")
        .contains("argument file")
        .contains(dir.toString());
    assertThat(text.err()).doesNotContain("\tat ");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(error(json)).containsEntry("exitCode", "2");
  }

  @Test
  void sessionFieldsAreShownWithoutEscapeSequences() {
    String hostile = "v\u001b[2J\u001b]0;title\u0007\u009b31m!";
    CliResult started = f.run("start", "--metadata", "k=" + hostile);
    CliResult listed = f.run("list", "--metadata", "k=" + hostile);
    CliResult json = f.run("list", "--json");

    assertThat(started.exitCode()).isZero();
    assertThat(started.out()).contains("k=v   !").doesNotContain("\u001b").doesNotContain("\u009b");
    assertThat(listed.out()).doesNotContain("\u001b").doesNotContain("\u009b");
    assertThat(json.out()).contains("\\u001b[2J").doesNotContain("\u001b").doesNotContain("\u009b");
    assertThat(json.json().get(0).get("metadata").get("k").asText()).isEqualTo(hostile);
  }

  /** The cli README: under --json, an error's message is cleaned as its text line is. */
  @Test
  void underJsonAnErrorMessageIsCleanedAsTheTextLineIs() {
    String hostile = "vendor \u001b[2Jis\u001b]0;title\u0007 down\u009b31m\nagain";
    f.fake.failNext(FakeOperation.CREATE, 2,
        () -> new ProviderUnavailableException(hostile, "fake", 503, null));

    CliResult text = f.run("start");
    CliResult json = f.run("start", "--json");

    assertThat(text.errLines()).singleElement().asString()
        .isEqualTo("browser-sessions: vendor  is  down  again");
    assertThat(error(json))
        .containsEntry("exitCode", String.valueOf(ExitCodes.FAILURE))
        .containsEntry("message", "vendor  is  down  again");
  }

  private static Map<String, String> error(CliResult r) {
    assertThat(r.errLines()).as("stderr: %s", r.err()).hasSize(1);
    JsonNode doc = JarProcess.parse(r.errLines().get(0));
    assertThat(doc.size()).isEqualTo(3);
    return Map.of(
        "exitCode", doc.get("exitCode").asText(),
        "type", doc.get("type").asText(),
        "message", doc.get("message").asText());
  }
}
