package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeProviderFactoryTest {

  private static final String INSTANCE_PROPERTY = "browsersessions.fake.instance";

  private final FakeProviderFactory factory = new FakeProviderFactory();

  @AfterEach
  void cleanUp() {
    System.clearProperty(INSTANCE_PROPERTY);
    FakeProviders.unregister("factory-test");
  }

  private static FakeProvider create(Map<String, String> values) {
    return (FakeProvider) new FakeProviderFactory().create(isolated(values));
  }

  /** Explicit values only: no system properties or environment leak in. */
  private static ProviderConfig isolated(Map<String, String> values) {
    ProviderConfig.Builder b =
        ProviderConfig.builder().environment(Map.of()).systemProperties(new Properties());
    values.forEach(b::put);
    return b.build();
  }

  @Test
  void isRegisteredWithServiceLoader() {
    List<String> names =
        ServiceLoader.load(BrowserSessionProviderFactory.class).stream()
            .map(p -> p.get().name())
            .toList();
    assertThat(names).containsExactly("fake");
    assertThat(BrowserSessions.available()).containsExactly("fake");
  }

  @Test
  void browserSessionsFindsTheFakeByNameAndAsTheOnlyProvider() {
    try (BrowserSessions byName = BrowserSessions.create("fake");
        BrowserSessions only = BrowserSessions.create()) {
      assertThat(byName.provider()).isEqualTo("fake");
      assertThat(only.provider()).isEqualTo("fake");
      assertThat(only.capabilities()).containsExactlyInAnyOrder(Capability.values());
      assertThat(only.start(SessionRequest.defaults()).info().status())
          .isEqualTo(SessionStatus.ACTIVE);
      assertThat(FakeProviders.lastCreated()).isPresent();
    }
  }

  @Test
  void lastCreatedIsTheProviderTheFactoryReturnedLast() {
    try (BrowserSessions sessions = BrowserSessions.create("fake")) {
      String id = sessions.start(SessionRequest.defaults()).id();
      FakeProvider fake = FakeProviders.lastCreated().orElseThrow();
      assertThat(fake.session(id)).isPresent();
      assertThat(fake.calls(FakeOperation.CREATE)).hasSize(1);
    }
  }

  @Test
  void defaultsAreEveryCapabilityAndAMutableClock() {
    FakeProvider fake = create(Map.of());
    assertThat(fake.capabilities()).containsExactlyInAnyOrder(Capability.values());
    assertThat(fake.clock()).isInstanceOf(MutableClock.class);
  }

  @Test
  void everyKeyConfiguresTheProvider() {
    FakeProvider fake =
        create(
            Map.of(
                "capabilities", "list, idle-timeout,MAX_DURATION",
                "clock", "system",
                "startup-delay", "2s",
                "default-idle-timeout", "5m",
                "default-max-duration", "PT1H"));

    assertThat(fake.capabilities())
        .containsExactlyInAnyOrder(Capability.LIST, Capability.IDLE_TIMEOUT, Capability.MAX_DURATION);
    assertThat(fake.clock()).isNotInstanceOf(MutableClock.class).isInstanceOf(Clock.class);
    SessionInfo s = fake.create(SessionRequest.defaults());
    assertThat(s.status()).isEqualTo(SessionStatus.PENDING);
    assertThat(s.idleTimeout()).contains(Duration.ofMinutes(5));
    assertThat(s.maxDuration()).contains(Duration.ofHours(1));
    assertThat(s.cdpUrl()).isEmpty();
  }

  @Test
  void capabilitiesNoneDeclaresNothing() {
    assertThat(create(Map.of("capabilities", "none")).capabilities()).isEmpty();
  }

  @Test
  void keysAlsoResolveFromSystemProperties() {
    Properties props = new Properties();
    props.setProperty("browsersessions.fake.capabilities", "metadata");
    ProviderConfig config =
        ProviderConfig.builder().environment(Map.of()).systemProperties(props).build();
    BrowserSessionProvider p = factory.create(config);
    assertThat(p.capabilities()).containsExactly(Capability.METADATA);
  }

  @Test
  void invalidValuesNameTheKey() {
    assertThatThrownBy(() -> create(Map.of("capabilities", "list,teleport")))
        .isInstanceOfSatisfying(
            ProviderConfigurationException.class,
            e -> {
              assertThat(e.key()).contains("capabilities");
              assertThat(e.getMessage()).contains("teleport").contains("IDLE_TIMEOUT");
            });
    assertThatThrownBy(() -> create(Map.of("clock", "sundial")))
        .isInstanceOfSatisfying(
            ProviderConfigurationException.class, e -> assertThat(e.key()).contains("clock"));
    assertThatThrownBy(() -> create(Map.of("startup-delay", "soon")))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("startup-delay");
    assertThatThrownBy(() -> create(Map.of("default-idle-timeout", "0s")))
        .isInstanceOfSatisfying(
            ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("default-idle-timeout"));
  }

  @Test
  void unknownExplicitKeysAreRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> create(Map.of("capabilitys", "list")))
        .isInstanceOfSatisfying(
            ProviderConfigurationException.class,
            e -> {
              assertThat(e.key()).contains("capabilitys");
              assertThat(e.getMessage()).contains("capabilities").contains("instance");
            });
  }

  @Test
  void theApisStandardKeysAreAcceptedThoughNotKnownToTheFake() {
    assertThat(create(Map.of(dev.browsersessions.ProviderConfig.DETACH, "true"))).isNotNull();
  }

  @Test
  void instanceReturnsTheRegisteredProvider() {
    FakeProvider registered =
        FakeProviders.register("factory-test", FakeProvider.builder().build());
    registered.failNext(
        FakeOperation.CREATE,
        () -> new dev.browsersessions.QuotaExceededException("full", "fake", 402));

    assertThat(create(Map.of("instance", "factory-test"))).isSameAs(registered);
    assertThat(FakeProviders.lastCreated()).containsSame(registered);
    assertThat(FakeProviders.registered("factory-test")).containsSame(registered);
  }

  @Test
  void instanceFromASystemPropertyReachesCodeThatCallsCreateWithoutArguments() {
    FakeProvider registered =
        FakeProviders.register("factory-test", FakeProvider.builder().build());
    System.setProperty(INSTANCE_PROPERTY, "factory-test");

    try (BrowserSessions sessions = BrowserSessions.create()) {
      String id = sessions.start(SessionRequest.defaults()).id();
      assertThat(registered.session(id)).isPresent();
    }
    // The client's close stopped the session but did not disable the shared fake.
    assertThat(registered.isClosed()).isTrue();
    assertThat(registered.sessions()).allSatisfy(s -> assertThat(s.isTerminal()).isTrue());
    try (BrowserSessions again = BrowserSessions.create()) {
      assertThat(again.start(SessionRequest.defaults()).info().isTerminal()).isFalse();
    }
  }

  @Test
  void anUnregisteredInstanceFailsWithTheFix() {
    assertThatThrownBy(() -> create(Map.of("instance", "nobody")))
        .isInstanceOfSatisfying(
            ProviderConfigurationException.class,
            e -> {
              assertThat(e.key()).contains("instance");
              assertThat(e.getMessage()).contains("FakeProviders.register(\"nobody\"");
            });
  }

  @Test
  void instanceCannotBeCombinedWithBuildKeys() {
    FakeProviders.register("factory-test", FakeProvider.builder().build());
    assertThatThrownBy(
            () -> create(Map.of("instance", "factory-test", "capabilities", "list")))
        .isInstanceOfSatisfying(
            ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("capabilities"));
  }

  @Test
  void registryRejectsBlankNamesAndUnregisterReturnsTheProvider() {
    assertThatThrownBy(() -> FakeProviders.register(" ", FakeProvider.builder().build()))
        .isInstanceOf(IllegalArgumentException.class);
    FakeProvider p = FakeProviders.register("factory-test", FakeProvider.builder().build());
    assertThat(FakeProviders.unregister("factory-test")).containsSame(p);
    assertThat(FakeProviders.registered("factory-test")).isEmpty();
  }
}
