package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.cli.ExitCodes;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.fake.FakeProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code run}: the session ends with the command, on --duration and on Ctrl-C. */
@Timeout(20)
class RunCommandTest {

  private final String instance = "cli-run-" + UUID.randomUUID();
  private final FakeProvider fake = FakeProviders.register(instance, FakeProvider.builder().build());
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CapturingHooks hooks = new CapturingHooks();

  @AfterEach
  void unregister() {
    FakeProviders.unregister(instance);
  }

  @Test
  void runStopsTheSessionWhenTheDurationPasses() throws Exception {
    int code = run("run", "--duration", "50ms", "--json", "--max-duration", "10m");

    assertThat(code).as(err()).isEqualTo(ExitCodes.OK);
    List<JsonNode> events = jsonLines();
    assertThat(events).extracting(e -> e.get("event").asText()).containsExactly("started", "stopped");
    String id = events.get(0).get("session").get("id").asText();
    assertThat(events.get(0).get("session").get("cdpUrl").asText()).startsWith("ws://");
    assertThat(events.get(1).get("session").get("status").asText()).isEqualTo("CLOSED");
    assertThat(fake.session(id).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(fake.list(SessionFilter.active())).isEmpty();
    assertThat(hooks.added).hasSize(1);
    assertThat(hooks.removed).containsExactlyElementsOf(hooks.added);
  }

  @Test
  void runPrintsTheCdpUrlForPeople() {
    int code = run("run", "--duration", "10ms");

    assertThat(code).isZero();
    SessionInfo s = fake.sessions().get(0);
    assertThat(out())
        .contains(s.cdpUrl().orElseThrow().toString())
        .contains("Running for PT0.01S")
        .contains("Stopped " + s.id() + " (CLOSED)");
    assertThat(s.status()).isEqualTo(SessionStatus.CLOSED);
  }

  @Test
  void ctrlCStopsTheSessionThroughTheShutdownHook() throws Exception {
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> run("run"));
    assertThat(hooks.registered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fake.list(SessionFilter.active())).hasSize(1);

    Thread hook = hooks.added.get(0);
    hook.start(); // what the JVM does on Ctrl-C
    hook.join(10_000);
    int code = running.get(10, TimeUnit.SECONDS);

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(fake.list(SessionFilter.active())).isEmpty();
    assertThat(fake.sessions()).extracting(SessionInfo::status).containsExactly(SessionStatus.CLOSED);
    assertThat(out()).containsOnlyOnce("Stopped ");
  }

  @Test
  void aSessionThatFailsToStartLeavesNoHookBehind() {
    int code = run("run", "--viewport", "0x0");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(hooks.added).isEmpty();
    assertThat(fake.sessions()).isEmpty();
  }

  private int run(String command, String... rest) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(command, "--provider", "fake", "--config", "instance=" + instance));
    args.addAll(List.of(rest));
    CliEnvironment env =
        CliEnvironment.of(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                null)
            .withHooks(hooks);
    return CliRunner.run(args.toArray(String[]::new), env);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<JsonNode> jsonLines() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : out().lines().toList()) {
      nodes.add(mapper.readTree(line));
    }
    return nodes;
  }

  /** Records hooks instead of registering them with the JVM. */
  private static final class CapturingHooks implements ShutdownHooks {
    final List<Thread> added = new CopyOnWriteArrayList<>();
    final List<Thread> removed = new CopyOnWriteArrayList<>();
    final CountDownLatch registered = new CountDownLatch(1);

    @Override
    public void add(Thread hook) {
      added.add(hook);
      registered.countDown();
    }

    @Override
    public void remove(Thread hook) {
      removed.add(hook);
    }
  }
}
