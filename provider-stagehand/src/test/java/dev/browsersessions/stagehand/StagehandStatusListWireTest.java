package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.stagehand.sim.RecordedRequest;
import dev.browsersessions.stagehand.sim.Scripted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wire tests of status and list on Browserbase's Sessions API. */
class StagehandStatusListWireTest {

  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private static String session(String id, String status) {
    return "{\"id\":\"" + id + "\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":"
        + "\"2026-01-01T00:01:00Z\",\"projectId\":\"p\",\"startedAt\":\"2026-01-01T00:00:00Z\","
        + "\"expiresAt\":\"2026-01-01T00:10:00Z\",\"endedAt\":"
        + (status.equals("RUNNING") ? "null" : "\"2026-01-01T00:05:00.123+00:00\"")
        + ",\"status\":\"" + status + "\",\"proxyBytes\":12,\"keepAlive\":false,\"region\":"
        + "\"us-east-1\",\"userMetadata\":{\"job\":\"7\",\"n\":3,\"o\":{\"a\":true}},"
        + "\"connectUrl\":\"wss://connect/" + id + "\",\"newField\":[1]}";
  }

  @ParameterizedTest
  @CsvSource({
      "PENDING,PENDING", "RUNNING,ACTIVE", "COMPLETED,CLOSED", "ERROR,ERROR",
      "TIMED_OUT,TIMED_OUT", "HIBERNATING,UNKNOWN"})
  void statusMapsBrowserbasesSessionTolerantly(String vendor, SessionStatus neutral) {
    fx.sim.enqueue("get", Scripted.json(200, session("s-1", vendor)));
    SessionInfo info;
    try (BrowserSessionProvider p = fx.provider(fx.config().put("live-view", "false").build())) {
      info = p.status("s-1");
    }
    assertThat(info.status()).isEqualTo(neutral);
    assertThat(info.attributes()).containsEntry("browserbase.status", vendor)
        .containsEntry("region", "us-east-1").containsEntry("proxyBytes", 12L);
    assertThat(info.createdAt()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(info.maxDuration()).contains(Duration.ofMinutes(10));
    assertThat(info.metadata()).containsEntry("job", "7").containsEntry("n", "3")
        .containsEntry("o", "{\"a\":true}");
    if (neutral.isTerminal()) {
      assertThat(info.closedAt()).contains(Instant.parse("2026-01-01T00:05:00.123Z"));
      assertThat(info.closeReason()).hasValueSatisfying(r -> assertThat(r).contains(vendor));
    }
    RecordedRequest get = fx.sim.requests("get").get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.host()).isEqualTo("browserbase");
    assertThat(get.path()).isEqualTo("/v1/sessions/s-1");
    assertThat(get.header("X-BB-API-Key")).contains(SimFixture.KEY);
  }

  @Test
  void statusOfARunningSessionHasTheLiveView() {
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      SessionInfo info = p.status(id);
      assertThat(info.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(info.liveViewUrl()).isPresent();
      assertThat(info.cdpUrl()).isPresent();
    }
  }

  @Test
  void statusReportsTimeoutsOfTheSimulatedClock() {
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.builder().maxDuration(Duration.ofMinutes(2)).build())
          .id();
      fx.sim.advance(Duration.ofMinutes(2));
      assertThat(p.status(id).status()).isEqualTo(SessionStatus.TIMED_OUT);
    }
  }

  @Test
  void listSendsOneCallPerBrowserbaseStatusAndTheMetadataQuery() {
    try (BrowserSessionProvider p = fx.provider()) {
      SessionInfo mine = p.create(SessionRequest.builder().metadata("team", "a").build());
      SessionInfo other = p.create(SessionRequest.builder().metadata("team", "b").build());
      p.stop(other.id());
      List<SessionInfo> active = p.list(SessionFilter.active().withMetadata("team", "a"));
      assertThat(active).extracting(SessionInfo::id).containsExactly(mine.id());
      assertThat(p.list(SessionFilter.withStatus(SessionStatus.CLOSED)))
          .extracting(SessionInfo::id).containsExactly(other.id());
      assertThat(p.list(SessionFilter.all())).hasSize(2);
    }
    List<RecordedRequest> lists = fx.sim.requests("list");
    assertThat(lists.get(0).path()).isEqualTo("/v1/sessions");
    assertThat(lists.get(0).header("x-bb-api-key")).contains(SimFixture.KEY);
    assertThat(lists).extracting(RecordedRequest::query).containsExactly(
        "status=PENDING&q=user_metadata['team']:'a'",
        "status=RUNNING&q=user_metadata['team']:'a'",
        "status=COMPLETED",
        "");
  }

  @Test
  void listFiltersOnTheClientWhenTheServerIgnoresTheQuery() {
    fx.sim.enqueue("list", Scripted.json(200, "[" + session("a", "RUNNING") + ","
        + session("b", "COMPLETED") + ",{\"status\":\"RUNNING\"},null]"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThat(p.list(SessionFilter.withStatus(SessionStatus.ACTIVE)
          .withMetadata("job", "7").withMetadata("x", "it's")))
          .extracting(SessionInfo::id).isEmpty();
    }
    fx.sim.enqueue("list", Scripted.json(200, "[" + session("a", "RUNNING") + ","
        + session("b", "COMPLETED") + "]"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThat(p.list(SessionFilter.withStatus(SessionStatus.ACTIVE)
          .withMetadata("job", "7")))
          .extracting(SessionInfo::id).containsExactly("a");
    }
  }

  @Test
  void listFallsBackToOneUnfilteredCallWhenAStatusFilterIsRefused() {
    try (BrowserSessionProvider p = fx.provider()) {
      String id = p.create(SessionRequest.defaults()).id();
      fx.sim.enqueue("list", Scripted.json(400, "{\"statusCode\":400,\"error\":\"Bad Request\","
          + "\"message\":\"querystring/status must be equal to one of the allowed values\"}"));
      assertThat(p.list(SessionFilter.active())).extracting(SessionInfo::id).containsExactly(id);
    }
    assertThat(fx.sim.requests("list")).extracting(RecordedRequest::query)
        .containsExactly("status=PENDING", "");
  }

  @Test
  void listOfUnknownStatusAsksForEverything() {
    String id = fx.sim.addBrowserbaseOnlySession(Map.of("k", "v"));
    try (BrowserSessionProvider p = fx.provider()) {
      assertThat(p.list(SessionFilter.withStatus(SessionStatus.UNKNOWN))).isEmpty();
      assertThat(p.list(SessionFilter.all().withMetadata("k", "v")))
          .extracting(SessionInfo::id).containsExactly(id);
    }
    assertThat(fx.sim.requests("list").get(0).query()).isEmpty();
  }
}
