package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Swapping vendors is a configuration change: {@link #scenario} is written against {@link
 * BrowserSessions} only, names no vendor, and runs unchanged here on {@code stagehand} (through
 * {@code ServiceLoader}); provider-notte's tests run the same kind of code on {@code notte}.
 */
class VendorSwapTest {

  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  /** A vendor-neutral job: start a tagged session, use its CDP URL, find it, and stop it. */
  static List<String> scenario(String provider, ProviderConfig config) {
    try (BrowserSessions sessions = BrowserSessions.create(provider, config)) {
      SessionRequest.Builder request = SessionRequest.builder().metadata("job", "nightly");
      if (sessions.capabilities().contains(Capability.MAX_DURATION)) {
        request.maxDuration(Duration.ofMinutes(10));
      }
      String id;
      try (BrowserSession session = sessions.start(request.build())) {
        id = session.id();
        assertThat(session.cdpUrl()).isPresent();
        if (sessions.capabilities().contains(Capability.LIST)) {
          assertThat(sessions.list(SessionFilter.active().withMetadata("job", "nightly")))
              .extracting(i -> i.id()).contains(id);
        }
      }
      assertThat(sessions.status(id).status().isTerminal()).isTrue();
      assertThat(sessions.openSessions()).isEmpty();
      return List.of(sessions.provider(), id);
    }
  }

  @Test
  void theVendorNeutralScenarioRunsOnStagehandByConfigurationAlone() {
    List<String> result = scenario("stagehand", fx.config().build());
    assertThat(result.get(0)).isEqualTo("stagehand");
    assertThat(fx.sim.statusOf(result.get(1))).isEqualTo("COMPLETED");
    assertThat(fx.sim.requests()).extracting(r -> r.route())
        .contains("start", "list", "end", "release");
  }

  @Test
  void theOwnerTagOfTheClientIsStoredWithTheSession() {
    String id;
    try (BrowserSessions sessions = BrowserSessions.create("stagehand", fx.config().build())) {
      id = sessions.start(SessionRequest.defaults()).id();
      assertThat(sessions.list(SessionFilter.active()
              .withMetadata(BrowserSessions.OWNER_TAG, sessions.ownerId())))
          .extracting(i -> i.id()).containsExactly(id);
    }
    // close() stopped the session it started
    assertThat(fx.sim.requests("end")).hasSize(1);
    assertThat(fx.sim.statusOf(id)).isEqualTo("COMPLETED");
  }
}
