package dev.browsersessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.Viewport;
import dev.browsersessions.fake.FakeOperation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** start, status, stop and list against the fake provider, driven in-process. */
class SessionCommandsTest {

  private final FakeCliFixture f = new FakeCliFixture();

  @AfterEach
  void unregister() {
    f.close();
  }

  @Test
  void startPrintsIdAndCdpUrlAndLeavesTheSessionRunning() {
    CliResult r = f.run("start");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    SessionInfo only = f.fake.sessions().get(0);
    assertThat(only.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(r.out())
        .contains("id:")
        .contains(only.id())
        .contains("cdp-url:")
        .contains(only.cdpUrl().orElseThrow().toString())
        .contains("browser-sessions stop --provider fake " + only.id());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void startPassesEveryRequestFlagToTheProvider() {
    CliResult r =
        f.run(
            "start",
            "--idle-timeout", "30s",
            "--max-duration", "PT5M",
            "--no-headless",
            "--viewport", "1280x720",
            "--user-agent", "agent/1.0",
            "--proxy", "http://proxy.example:3128",
            "--proxy-username", "bob",
            "--proxy-password", "s3cret-pw",
            "--region", "eu-west-1",
            "--solve-captchas",
            "--record",
            "--keep-alive",
            "--metadata", "team=qa",
            "--metadata", "run=7",
            "--provider-option", "flag=true",
            "--provider-option", "count=3",
            "--provider-option", "label=blue");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    SessionRequest sent = f.fake.calls(FakeOperation.CREATE).get(0).request().orElseThrow();
    assertThat(sent.idleTimeout()).contains(Duration.ofSeconds(30));
    assertThat(sent.maxDuration()).contains(Duration.ofMinutes(5));
    assertThat(sent.headless()).contains(false);
    assertThat(sent.viewport()).contains(new Viewport(1280, 720));
    assertThat(sent.userAgent()).contains("agent/1.0");
    assertThat(sent.proxy())
        .contains(
            new ProxySettings.External(
                "http://proxy.example:3128", Optional.of("bob"), Optional.of("s3cret-pw")));
    assertThat(sent.region()).contains("eu-west-1");
    assertThat(sent.solveCaptchas()).isTrue();
    assertThat(sent.recordSession()).isTrue();
    assertThat(sent.keepAlive()).isTrue();
    assertThat(sent.metadata()).containsEntry("team", "qa").containsEntry("run", "7");
    assertThat(sent.providerOptions())
        .isEqualTo(Map.of("flag", true, "count", 3L, "label", "blue"));
    assertThat(r.out() + r.err()).doesNotContain("s3cret-pw");
  }

  @Test
  void headlessFlagAndManagedProxyWithAndWithoutCountry() {
    assertThat(f.run("start", "--headless", "--managed-proxy").exitCode()).isZero();
    assertThat(f.run("start", "--managed-proxy", "us").exitCode()).isZero();

    SessionRequest first = f.fake.calls(FakeOperation.CREATE).get(0).request().orElseThrow();
    SessionRequest second = f.fake.calls(FakeOperation.CREATE).get(1).request().orElseThrow();
    assertThat(first.headless()).contains(true);
    assertThat(first.proxy()).contains(ProxySettings.managed());
    assertThat(second.headless()).isEmpty();
    assertThat(second.proxy()).contains(ProxySettings.managed("us"));
  }

  @Test
  void startJsonIsOneParsableObject() {
    CliResult r = f.run("start", "--json", "--metadata", "k=v");

    assertThat(r.exitCode()).isZero();
    JsonNode s = r.json();
    String id = s.get("id").asText();
    assertThat(f.fake.session(id)).isPresent();
    assertThat(s.get("provider").asText()).isEqualTo("fake");
    assertThat(s.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(s.get("cdpUrl").asText()).startsWith("ws://");
    assertThat(s.get("metadata").get("k").asText()).isEqualTo("v");
    assertThat(s.has("closedAt")).isTrue();
    assertThat(s.get("closedAt").isNull()).isTrue();
  }

  @Test
  void statusShowsTheSessionAsTextAndJson() {
    String id = startedId();

    CliResult text = f.run("status", id);
    CliResult json = f.run("status", "--json", id);

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("status:").contains("ACTIVE").contains(id);
    assertThat(json.exitCode()).isZero();
    assertThat(json.json().get("id").asText()).isEqualTo(id);
    assertThat(json.json().get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void stopStopsEveryIdGiven() {
    String a = startedId();
    String b = startedId();

    CliResult r = f.run("stop", a, b);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Stopped " + a + " (CLOSED)").contains("Stopped " + b);
    assertThat(f.fake.session(a).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(f.fake.session(b).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
  }

  @Test
  void stoppingTwiceIsFine() {
    String id = startedId();
    assertThat(f.run("stop", id).exitCode()).isZero();

    CliResult again = f.run("stop", "--json", id);

    assertThat(again.exitCode()).isZero();
    assertThat(again.json().get(0).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void stopWithAnUnknownIdStillStopsTheOthersAndExitsNotFound() {
    String id = startedId();

    CliResult r = f.run("stop", "no-such-session", id);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.errLines()).singleElement().asString().contains("no-such-session");
    assertThat(f.fake.session(id).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
  }

  @Test
  void stopAllWithYesStopsEveryActiveSession() {
    String a = startedId();
    String b = startedId();

    CliResult r = f.run("stop", "--all", "--yes");

    assertThat(r.exitCode()).isZero();
    assertThat(f.fake.sessions()).extracting(SessionInfo::status).containsOnly(SessionStatus.CLOSED);
    assertThat(r.out()).contains(a).contains(b);
  }

  @Test
  void stopAllAsksAndProceedsOnYes() {
    String id = startedId();

    CliResult r = f.runWithInput("y\n", "stop", "--all");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("Stop 1 active session(s) on provider fake (" + id + ")? [y/N]");
    assertThat(f.fake.session(id).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
  }

  @Test
  void stopAllAbortsOnNo() {
    String id = startedId();

    CliResult r = f.runWithInput("n\n", "stop", "--all");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains("Aborted; no session was stopped.");
    assertThat(f.fake.session(id).orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void stopAllRefusesWithoutInputOrYes() {
    String id = startedId();

    CliResult noInput = f.run("stop", "--all");
    CliResult emptyInput = f.runWithInput("", "stop", "--all");

    for (CliResult r : new CliResult[] {noInput, emptyInput}) {
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("Refusing to stop 1 session(s)").contains("--yes");
    }
    assertThat(f.fake.session(id).orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void stopAllWithNothingActiveSaysSoWithoutAsking() {
    CliResult r = f.run("stop", "--all");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("No active sessions on provider fake.");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void stopNeedsIdsOrAllButNotBoth() {
    CliResult neither = f.run("stop");
    CliResult both = f.run("stop", "--all", "abc");

    assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(neither.errLines()).singleElement().asString().contains("Give session ids or --all");
    assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.errLines()).singleElement().asString().contains("not both");
  }

  @Test
  void listShowsATableAndFiltersByStatus() {
    String running = startedId();
    String stopped = startedId();
    f.run("stop", stopped);

    CliResult all = f.run("list");
    CliResult active = f.run("list", "--status", "active");
    CliResult closedJson = f.run("list", "--json", "--status", "CLOSED,TIMED_OUT");

    assertThat(all.exitCode()).isZero();
    assertThat(all.out()).startsWith("ID").contains("STATUS").contains(running).contains(stopped);
    assertThat(active.out()).contains(running).doesNotContain(stopped);
    assertThat(closedJson.exitCode()).isZero();
    assertThat(closedJson.json()).hasSize(1);
    assertThat(closedJson.json().get(0).get("id").asText()).isEqualTo(stopped);
  }

  @Test
  void listWithNoSessionsSaysSo() {
    CliResult r = f.run("list");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("No sessions on provider fake.");
    assertThat(f.run("list", "--json").json()).isEmpty();
  }

  private String startedId() {
    CliResult r = f.run("start", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.json().get("id").asText();
  }
}
