package dev.browsersessions.cli;

import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.fake.FakeProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fake provider registered under a unique name, and the arguments that make the command line
 * use it: {@code --provider fake --config instance=<name>}.
 */
final class FakeCliFixture implements AutoCloseable {

  final String instance = "cli-test-" + UUID.randomUUID();
  final FakeProvider fake;

  FakeCliFixture() {
    this(FakeProvider.builder().build());
  }

  FakeCliFixture(FakeProvider fake) {
    this.fake = FakeProviders.register(instance, fake);
  }

  /**
   * The arguments for a command on this fake.
   *
   * @param command e.g. {@code "start"}
   * @param rest further arguments
   * @return the full command line
   */
  String[] args(String command, String... rest) {
    List<String> all = new ArrayList<>(List.of(command, "--provider", "fake", "--config",
        "instance=" + instance));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  CliResult run(String command, String... rest) {
    return CliResult.run(args(command, rest));
  }

  CliResult runWithInput(String input, String command, String... rest) {
    return CliResult.runWithInput(input, args(command, rest));
  }

  @Override
  public void close() {
    FakeProviders.unregister(instance);
  }
}
