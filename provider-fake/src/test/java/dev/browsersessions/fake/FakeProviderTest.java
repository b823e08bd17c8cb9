package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.Viewport;
import dev.browsersessions.spi.RequestChecks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeProviderTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private final MutableClock clock = MutableClock.of(T0);
  private final FakeProvider fake = FakeProvider.builder().clock(clock).build();

  @Test
  void declaresEveryCapabilityByDefault() {
    assertThat(fake.name()).isEqualTo("fake");
    assertThat(fake.capabilities()).containsExactlyInAnyOrder(Capability.values());
    assertThatThrownBy(() -> fake.capabilities().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void createGivesAnActiveSessionWithPathSafeUniqueIdAndUrls() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      SessionInfo s = fake.create(SessionRequest.defaults());
      assertThat(RequestChecks.requireValidId(s.id())).startsWith("fake-");
      assertThat(ids.add(s.id())).isTrue();
      assertThat(s.provider()).isEqualTo("fake");
      assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(s.createdAt()).contains(T0);
      assertThat(s.lastActiveAt()).contains(T0);
      assertThat(s.closedAt()).isEmpty();
      assertThat(s.idleTimeout()).isEmpty();
      assertThat(s.maxDuration()).isEmpty();
      assertThat(s.cdpUrl())
          .contains(URI.create("ws://127.0.0.1:9222/devtools/browser/" + s.id()));
      assertThat(s.liveViewUrl()).contains(URI.create("http://127.0.0.1:9222/live/" + s.id()));
      assertThat(s.attributes()).containsEntry("fake", true);
    }
  }

  @Test
  void createEchoesEveryRequestedOptionButNoSecret() {
    SessionRequest request =
        SessionRequest.builder()
            .idleTimeout(Duration.ofMinutes(5))
            .maxDuration(Duration.ofHours(1))
            .headless(false)
            .viewport(new Viewport(1280, 720))
            .userAgent("agent/1.0")
            .proxy(ProxySettings.external("http://proxy.example:3128", "user", "s3cret"))
            .region("eu-west-1")
            .solveCaptchas(true)
            .recordSession(true)
            .keepAlive(true)
            .metadata("team", "checkout")
            .providerOption("apiToken", "t0ken")
            .build();

    SessionInfo s = fake.create(request);

    assertThat(s.idleTimeout()).contains(Duration.ofMinutes(5));
    assertThat(s.maxDuration()).contains(Duration.ofHours(1));
    assertThat(s.metadata()).isEqualTo(Map.of("team", "checkout"));
    assertThat(s.attributes())
        .containsEntry("headless", false)
        .containsEntry("viewport", "1280x720")
        .containsEntry("userAgent", "agent/1.0")
        .containsEntry("proxy", "external")
        .containsEntry("proxyServer", "http://proxy.example:3128")
        .containsEntry("region", "eu-west-1")
        .containsEntry("solveCaptchas", true)
        .containsEntry("recordSession", true)
        .containsEntry("keepAlive", true)
        .containsEntry("providerOptionKeys", List.of("apiToken"));
    assertThat(s.toString()).doesNotContain("s3cret").doesNotContain("t0ken");
    assertThat(fake.status(s.id()).attributes()).isEqualTo(s.attributes());
  }

  @Test
  void managedProxyIsEchoedWithItsCountry() {
    SessionInfo s =
        fake.create(SessionRequest.builder().proxy(ProxySettings.managed("us")).build());
    assertThat(s.attributes()).containsEntry("proxy", "managed").containsEntry("proxyCountry", "us");
  }

  @Test
  void capabilitySubsetRefusesOtherOptionsAndHidesUrls() {
    FakeProvider limited =
        FakeProvider.builder().clock(clock).capabilities(Capability.IDLE_TIMEOUT).build();
    assertThat(limited.capabilities()).containsExactly(Capability.IDLE_TIMEOUT);

    assertThatThrownBy(() -> limited.create(SessionRequest.builder().metadata("k", "v").build()))
        .isInstanceOfSatisfying(
            UnsupportedCapabilityException.class,
            e -> assertThat(e.capability()).isEqualTo(Capability.METADATA));
    assertThatThrownBy(() -> limited.list(SessionFilter.all()))
        .isInstanceOfSatisfying(
            UnsupportedCapabilityException.class,
            e -> assertThat(e.capability()).isEqualTo(Capability.LIST));

    SessionInfo s =
        limited.create(SessionRequest.builder().idleTimeout(Duration.ofMinutes(1)).build());
    assertThat(s.cdpUrl()).isEmpty();
    assertThat(s.liveViewUrl()).isEmpty();
    assertThat(limited.sessions()).extracting(SessionInfo::id).containsExactly(s.id());
  }

  @Test
  void withoutDropsOnlyTheNamedCapabilities() {
    FakeProvider p = FakeProvider.builder().without(Capability.LIST, Capability.REGION).build();
    assertThat(p.capabilities())
        .hasSize(Capability.values().length - 2)
        .doesNotContain(Capability.LIST, Capability.REGION);
    assertThat(FakeProvider.builder().capabilities(List.of()).build().capabilities()).isEmpty();
  }

  @Test
  void customGeneratorsAndDefaultsAreUsed() {
    AtomicInteger n = new AtomicInteger();
    FakeProvider custom =
        FakeProvider.builder()
            .clock(clock)
            .idGenerator(() -> "s" + n.incrementAndGet())
            .cdpUrlGenerator(id -> URI.create("ws://localhost:1/" + id))
            .liveViewUrlGenerator(id -> URI.create("http://localhost:1/" + id))
            .defaultIdleTimeout(Duration.ofMinutes(3))
            .defaultMaxDuration(Duration.ofMinutes(30))
            .build();

    SessionInfo s = custom.create(SessionRequest.defaults());

    assertThat(s.id()).isEqualTo("s1");
    assertThat(s.cdpUrl()).contains(URI.create("ws://localhost:1/s1"));
    assertThat(s.liveViewUrl()).contains(URI.create("http://localhost:1/s1"));
    assertThat(s.idleTimeout()).contains(Duration.ofMinutes(3));
    assertThat(s.maxDuration()).contains(Duration.ofMinutes(30));
  }

  @Test
  void aGeneratorThatRepeatsOrBreaksIdsFailsCreateClearly() {
    FakeProvider repeating = FakeProvider.builder().idGenerator(() -> "same").build();
    repeating.create(SessionRequest.defaults());
    assertThatThrownBy(() -> repeating.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("'same' twice");
    assertThat(repeating.sessions()).hasSize(1);

    FakeProvider unsafe = FakeProvider.builder().idGenerator(() -> "../etc").build();
    assertThatThrownBy(() -> unsafe.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("invalid id");
  }

  @Test
  void builderRejectsInvalidDurations() {
    assertThatThrownBy(() -> FakeProvider.builder().startupDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startupDelay");
    assertThatThrownBy(() -> FakeProvider.builder().defaultIdleTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultIdleTimeout");
  }

  @Test
  void startupDelayKeepsSessionsPendingUntilTheClockPassesIt() {
    FakeProvider slow =
        FakeProvider.builder().clock(clock).startupDelay(Duration.ofSeconds(2)).build();
    SessionInfo s = slow.create(SessionRequest.defaults());
    assertThat(s.status()).isEqualTo(SessionStatus.PENDING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(slow.status(s.id()).status()).isEqualTo(SessionStatus.PENDING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(slow.status(s.id()).status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void statusReturnsTheSessionAndCountsAsActivity() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    clock.advance(Duration.ofSeconds(30));

    SessionInfo read = fake.status(s.id());

    assertThat(read.id()).isEqualTo(s.id());
    assertThat(read.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(read.lastActiveAt()).contains(T0.plusSeconds(30));
  }

  @Test
  void stopClosesOnceAndIsIdempotent() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    clock.advance(Duration.ofSeconds(10));

    SessionInfo stopped = fake.stop(s.id());
    clock.advance(Duration.ofSeconds(10));
    SessionInfo again = fake.stop(s.id());

    assertThat(stopped.status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(stopped.closedAt()).contains(T0.plusSeconds(10));
    assertThat(stopped.closeReason()).contains("stopped by client");
    assertThat(again).isEqualTo(stopped);
    assertThat(fake.status(s.id())).isEqualTo(stopped);
  }

  @Test
  void unknownIdsAreNotFound() {
    assertThatThrownBy(() -> fake.status("never-issued"))
        .isInstanceOfSatisfying(
            SessionNotFoundException.class,
            e -> {
              assertThat(e.sessionId()).isEqualTo("never-issued");
              assertThat(e.provider()).contains("fake");
              assertThat(e.isRetryable()).isFalse();
            });
    assertThatThrownBy(() -> fake.stop("never-issued"))
        .isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> fake.endSession("never-issued", SessionStatus.ERROR, "x"))
        .isInstanceOf(SessionNotFoundException.class);
    assertThat(fake.session("never-issued")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "..", "a/b", "a b", "a?b", "%2e%2e"})
  void invalidIdsAreRejectedBeforeLookup(String id) {
    assertThatThrownBy(() -> fake.status(id))
        .isInstanceOfSatisfying(
            InvalidSessionRequestException.class,
            e -> assertThat(e.field()).contains("sessionId"));
    assertThatThrownBy(() -> fake.stop(id)).isInstanceOf(InvalidSessionRequestException.class);
  }

  @Test
  void nullArgumentsAreInvalidRequests() {
    assertThatThrownBy(() -> fake.status(null)).isInstanceOf(InvalidSessionRequestException.class);
    assertThatThrownBy(() -> fake.stop(null)).isInstanceOf(InvalidSessionRequestException.class);
    assertThatThrownBy(() -> fake.create(null))
        .isInstanceOfSatisfying(
            InvalidSessionRequestException.class, e -> assertThat(e.field()).contains("request"));
    assertThatThrownBy(() -> fake.list(null))
        .isInstanceOfSatisfying(
            InvalidSessionRequestException.class, e -> assertThat(e.field()).contains("filter"));
  }

  @Test
  void listFiltersByStatusAndMetadataInCreationOrder() {
    SessionInfo a = fake.create(SessionRequest.builder().metadata("team", "a").build());
    SessionInfo b = fake.create(SessionRequest.builder().metadata("team", "b").build());
    SessionInfo c = fake.create(SessionRequest.builder().metadata("team", "a").build());
    fake.stop(c.id());

    assertThat(fake.list(SessionFilter.all()))
        .extracting(SessionInfo::id)
        .containsExactly(a.id(), b.id(), c.id());
    assertThat(fake.list(SessionFilter.active()))
        .extracting(SessionInfo::id)
        .containsExactly(a.id(), b.id());
    assertThat(fake.list(SessionFilter.all().withMetadata("team", "a")))
        .extracting(SessionInfo::id)
        .containsExactly(a.id(), c.id());
    assertThat(fake.list(SessionFilter.withStatus(SessionStatus.CLOSED).withMetadata("team", "a")))
        .extracting(SessionInfo::id)
        .containsExactly(c.id());
  }

  @Test
  void listAndInspectionDoNotCountAsActivity() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    clock.advance(Duration.ofSeconds(30));
    fake.list(SessionFilter.all());
    fake.sessions();
    assertThat(fake.session(s.id()).orElseThrow().lastActiveAt()).contains(T0);
  }

  @Test
  void endSessionSimulatesTheVendorEndingASession() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    clock.advance(Duration.ofSeconds(5));

    SessionInfo ended = fake.endSession(s.id(), SessionStatus.ERROR, "browser crashed");

    assertThat(ended.status()).isEqualTo(SessionStatus.ERROR);
    assertThat(ended.closeReason()).contains("browser crashed");
    assertThat(ended.closedAt()).contains(T0.plusSeconds(5));
    assertThat(ended.lastActiveAt()).contains(T0);
    assertThat(fake.stop(s.id())).isEqualTo(ended);
    assertThatThrownBy(() -> fake.endSession(s.id(), SessionStatus.ACTIVE, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeDoesNotStopSessionsAndTheFakeKeepsAnswering() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    fake.close();
    fake.close();
    assertThat(fake.isClosed()).isTrue();
    assertThat(fake.status(s.id()).status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void resetForgetsSessionsCallsFailuresAndTheClosedFlag() {
    SessionInfo s = fake.create(SessionRequest.defaults());
    fake.failNext(FakeOperation.CREATE, 3, () -> new SessionNotFoundException("x", "fake"));
    fake.close();

    fake.reset();

    assertThat(fake.sessions()).isEmpty();
    assertThat(fake.calls()).isEmpty();
    assertThat(fake.pendingFailures(FakeOperation.CREATE)).isZero();
    assertThat(fake.isClosed()).isFalse();
    assertThat(clock.instant()).isEqualTo(T0);
    assertThatThrownBy(() -> fake.status(s.id())).isInstanceOf(SessionNotFoundException.class);
  }

  @Test
  void advanceClockMovesTheDefaultClockAndRefusesOthers() {
    FakeProvider defaults = FakeProvider.builder().build();
    Instant before = defaults.clock().instant();
    defaults.advanceClock(Duration.ofMinutes(1));
    assertThat(defaults.clock().instant()).isEqualTo(before.plusSeconds(60));

    FakeProvider system = FakeProvider.builder().clock(java.time.Clock.systemUTC()).build();
    assertThatThrownBy(() -> system.advanceClock(Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MutableClock");
  }
}
