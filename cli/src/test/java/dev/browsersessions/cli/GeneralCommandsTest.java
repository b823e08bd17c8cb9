package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** --version, --help and providers. */
class GeneralCommandsTest {

  @Test
  void versionNamesTheToolAndItsVersion() {
    CliResult r = CliResult.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("browser-sessions 0.").contains("Java ");
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliResult r = CliResult.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("providers", "start", "status", "stop", "list", "run")
        .contains("Exit codes:")
        .contains("3   no session with that id");
  }

  @Test
  void everyCommandHasHelpWithTheCommonOptions() {
    for (String command : new String[] {"providers", "start", "status", "stop", "list", "run"}) {
      CliResult r = CliResult.run(command, "--help");
      assertThat(r.exitCode()).as(command).isZero();
      assertThat(r.out()).as(command).contains("--provider=NAME", "--config=KEY=VALUE", "--json");
    }
  }

  @Test
  void providersListsTheFakeAndMarksTheNamedOneSelected() {
    CliResult text = CliResult.run("providers", "--provider", "fake");
    CliResult json = CliResult.run("providers", "--json", "--provider", "fake");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("PROVIDER").contains("fake").contains("Selected: fake");
    JsonNode doc = json.json();
    assertThat(doc.get("selected").asText()).isEqualTo("fake");
    assertThat(doc.get("providers").findValuesAsText("name")).contains("fake");
  }

  @Test
  void providersWithAnUnknownNameListsThemButExitsBadUsage() {
    CliResult r = CliResult.run("providers", "--provider", "nosuch");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).contains("fake");
    assertThat(r.errLines()).singleElement().asString().contains("'nosuch'");
  }
}
