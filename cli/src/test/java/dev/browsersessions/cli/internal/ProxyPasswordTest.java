package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.ProxySettings;
import dev.browsersessions.cli.ExitCodes;
import dev.browsersessions.fake.FakeOperation;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.fake.FakeProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy password can come from the environment, and is never printed. */
class ProxyPasswordTest {

  private final String instance = "cli-proxy-" + UUID.randomUUID();
  private final FakeProvider fake = FakeProviders.register(instance, FakeProvider.builder().build());

  @AfterEach
  void unregister() {
    FakeProviders.unregister(instance);
  }

  @Test
  void passwordFromTheEnvironmentReachesTheRequestAndNoOutput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env =
        Map.of(SessionRequestOptions.PROXY_PASSWORD_ENV, "env-secret-42");
    CliEnvironment cli =
        CliEnvironment.of(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                null)
            .withEnvironment(env::get);

    int code =
        CliRunner.run(
            new String[] {
              "start", "--provider", "fake", "--config", "instance=" + instance, "--verbose",
              "--proxy", "http://proxy.example:3128", "--proxy-username", "bob"
            },
            cli);

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(fake.calls(FakeOperation.CREATE).get(0).request().orElseThrow().proxy())
        .contains(
            new ProxySettings.External(
                "http://proxy.example:3128", Optional.of("bob"), Optional.of("env-secret-42")));
    assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
        .doesNotContain("env-secret-42");
  }
}
