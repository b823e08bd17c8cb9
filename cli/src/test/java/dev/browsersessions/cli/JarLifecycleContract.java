package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start}, {@code status}, {@code list} and {@code stop}, each in its own {@code java -jar}
 * process, against one provider the runnable jar carries. A class missing from the jar (a
 * dependency in the wrong scope) fails here. Subclasses supply the provider and its settings.
 */
@Timeout(180)
abstract class JarLifecycleContract {

  @TempDir static Path work;

  /**
   * The provider's name.
   *
   * @return e.g. {@code notte}
   */
  abstract String provider();

  /**
   * The jar, with the environment the provider needs.
   *
   * @return the jar process
   */
  abstract JarProcess jar();

  /**
   * The {@code --config} pairs the provider needs, e.g. its simulator's URL.
   *
   * @return {@code KEY=VALUE} pairs
   */
  abstract List<String> config();

  /**
   * The arguments of one command on this provider.
   *
   * @param command e.g. {@code start}
   * @param rest further arguments
   * @return the full command line
   */
  String[] args(String command, String... rest) {
    List<String> all = new ArrayList<>(List.of(command, "--provider", provider()));
    config().forEach(c -> all.addAll(List.of("--config", c)));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  @Test
  void startStatusListStopEachInItsOwnProcess() {
    JarProcess jar = jar();

    JsonNode started = jar.run(args("start", "--json")).ok().json();
    String id = started.get("id").asText();
    assertThat(started.get("provider").asText()).isEqualTo(provider());
    assertThat(started.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(started.get("cdpUrl").asText()).startsWith("ws");

    JarProcess.Run status = jar.run(args("status", id)).ok();
    assertThat(status.out()).contains("id:").contains(id).containsPattern("status: +ACTIVE");

    JsonNode listed = jar.run(args("list", "--json", "--status", "active")).ok().json();
    assertThat(StreamSupport.stream(listed.spliterator(), false).map(s -> s.get("id").asText()))
        .contains(id);

    JsonNode stopped = jar.run(args("stop", "--json", id)).ok().json();
    assertThat(stopped).singleElement().satisfies(s -> {
      assertThat(s.get("id").asText()).isEqualTo(id);
      assertThat(s.get("status").asText()).isEqualTo("CLOSED");
    });
  }
}
