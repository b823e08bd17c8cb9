package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.fake.FakeOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gives one clear line on standard error and the documented exit code. */
class ErrorPathsTest {

  private final FakeCliFixture f = new FakeCliFixture();

  @AfterEach
  void unregister() {
    f.close();
  }

  @Test
  void unknownSessionExitsNotFound() {
    CliResult r = f.run("status", "nope-123");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.out()).isEmpty();
    assertOneLine(r).contains("nope-123").contains("fake");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5x", "0s", "-PT1S", "soon", "99999999999999999999d"})
  void invalidDurationIsBadUsage(String value) {
    CliResult r = f.run("start", "--max-duration", value);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("--max-duration").contains(value);
    assertThat(f.fake.sessions()).isEmpty();
  }

  @Test
  void idleTimeoutLongerThanMaxDurationIsBadUsage() {
    CliResult r = f.run("start", "--idle-timeout", "10m", "--max-duration", "5m");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("idleTimeout");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1280", "0x720", "widexhigh"})
  void invalidViewportIsBadUsage(String value) {
    CliResult r = f.run("start", "--viewport", value);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("--viewport");
  }

  @Test
  void contradictoryProxyFlagsAreBadUsage() {
    CliResult both = f.run("start", "--proxy", "http://p:1", "--managed-proxy");
    CliResult userOnly = f.run("start", "--proxy-username", "bob", "--proxy-password", "pw-xyz");
    CliResult badCountry = f.run("start", "--managed-proxy", "usa");

    assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(both).contains("not both");
    assertThat(userOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(userOnly).contains("need --proxy").doesNotContain("pw-xyz");
    assertThat(badCountry.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(badCountry).contains("proxy.country");
  }

  @Test
  void malformedKeyValueIsBadUsage() {
    CliResult r = f.run("start", "--metadata", "novalue");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("--metadata");
  }

  @Test
  void unknownProviderIsBadUsageAndNamesTheAvailableOnes() {
    CliResult r = CliResult.run("start", "--provider", "nosuch");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("'nosuch'").contains("fake").contains("--provider");
  }

  @Test
  void severalProvidersAndNoneNamedAsksForProvider() {
    CliResult r = CliResult.run("start");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("Several providers").contains("--provider NAME");
  }

  @Test
  void invalidProviderConfigurationIsBadUsage() {
    CliResult unknownKey = CliResult.run("list", "--provider", "fake", "--config", "colour=red");
    CliResult badKey = CliResult.run("list", "--provider", "fake", "--config", "Bad_Key=1");

    assertThat(unknownKey.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(unknownKey).contains("colour");
    assertThat(badKey.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(badKey).contains("Bad_Key");
  }

  @Test
  void aMissingApiKeyNamesTheCommandLineOption() {
    assumeTrue(System.getenv("NOTTE_API_KEY") == null
        && System.getenv("BROWSERSESSIONS_NOTTE_API_KEY") == null
        && System.getProperty("browsersessions.notte.api-key") == null,
        "a Notte API key is set in this environment");

    CliResult r = CliResult.run("list", "--provider", "notte");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("api-key").contains("--config api-key=VALUE");
  }

  @Test
  void anOptionTheProviderLacksIsBadUsage() {
    CliResult start =
        CliResult.run("start", "--provider", "fake", "--config", "capabilities=cdp-url", "--record");
    CliResult list =
        CliResult.run("list", "--provider", "fake", "--config", "capabilities=cdp-url");

    assertThat(start.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(start).contains("RECORDING");
    assertThat(list.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(list).contains("LIST");
  }

  @Test
  void aProviderFailureExitsOneWithItsMessage() {
    f.fake.failNext(
        FakeOperation.CREATE,
        () -> new ProviderUnavailableException("vendor is down for maintenance", "fake", 503, null));

    CliResult r = f.run("start");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertOneLine(r).isEqualTo("browser-sessions: vendor is down for maintenance");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliResult r = f.run("status", "--verbose", "nope-123");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err()).contains("SessionNotFoundException").contains("\tat ");
  }

  @Test
  void unknownCommandAndOptionAreBadUsage() {
    CliResult command = CliResult.run("launch");
    CliResult option = f.run("status", "--colour", "x");
    CliResult none = CliResult.run();

    assertThat(command.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(command).contains("Unknown command 'launch'");
    assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(option).contains("--colour");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(none).contains("Missing a command");
  }

  @Test
  void statusWithoutAnIdIsBadUsage() {
    CliResult r = f.run("status");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(r).contains("ID");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertOneLine(CliResult r) {
    assertThat(r.errLines()).as("stderr: %s", r.err()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
    return assertThat(r.errLines().get(0));
  }
}
