package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserSessionsTest {

  private final InMemoryProvider provider = new InMemoryProvider();

  @Test
  void startReturnsHandleWithProviderInfoAndTracksIt() {
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      BrowserSession session = sessions.start(SessionRequest.defaults());
      assertThat(session.id()).isEqualTo("s-1");
      assertThat(session.cdpUrl()).isPresent();
      assertThat(session.info().status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(sessions.openSessions()).containsExactly("s-1");
      assertThat(sessions.provider()).isEqualTo("memory");
    }
  }

  @Test
  void closeStopsEverySessionItStartedAndClosesProvider() {
    BrowserSessions sessions = BrowserSessions.of(provider);
    sessions.start(SessionRequest.defaults());
    sessions.start(SessionRequest.defaults());
    sessions.close();
    assertThat(provider.sessions.values()).allMatch(SessionInfo::isTerminal);
    assertThat(provider.count("stop")).isEqualTo(2);
    assertThat(provider.closed).isTrue();
    assertThat(sessions.openSessions()).isEmpty();
  }

  @Test
  void closeIsIdempotent() {
    BrowserSessions sessions = BrowserSessions.of(provider);
    sessions.start(SessionRequest.defaults());
    sessions.close();
    sessions.close();
    assertThat(provider.count("stop")).isEqualTo(1);
  }

  @Test
  void closeCanLeaveSessionsRunningWhenAskedTo() {
    BrowserSessions sessions =
        BrowserSessions.builder().provider(provider).stopSessionsOnClose(false).build();
    sessions.start(SessionRequest.defaults());
    sessions.close();
    assertThat(provider.count("stop")).isZero();
    assertThat(provider.sessions.get("s-1").status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void closeReportsEverySessionItCouldNotStopAndStillStopsTheOthers() {
    BrowserSessions sessions = BrowserSessions.of(provider);
    sessions.start(SessionRequest.defaults());
    sessions.start(SessionRequest.defaults());
    sessions.start(SessionRequest.defaults());
    provider.failStopFor.add("s-1");
    provider.failStopFor.add("s-3");

    assertThatThrownBy(sessions::close)
        .isInstanceOfSatisfying(
            SessionCleanupException.class,
            e -> {
              assertThat(e.sessionIds()).containsExactlyInAnyOrder("s-1", "s-3");
              assertThat(e.getSuppressed()).hasSize(2).allMatch(
                  t -> t instanceof ProviderUnavailableException);
              assertThat(e.getMessage()).contains("s-1").contains("s-3");
            });
    assertThat(provider.sessions.get("s-2").status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(provider.closed).isTrue();
  }

  @Test
  void whatTheProviderReportsOnCloseIsKeptWithWhatTheLeakGuardReports() {
    BrowserSessions sessions = BrowserSessions.of(provider);
    sessions.start(SessionRequest.defaults());
    provider.failStopFor.add("s-1");
    SessionCleanupException lost = new SessionCleanupException("memory", List.of("lost-9"));
    provider.closeFailure = lost;

    assertThatThrownBy(sessions::close)
        .isInstanceOfSatisfying(
            SessionCleanupException.class,
            e -> {
              assertThat(e.sessionIds()).containsExactly("s-1");
              assertThat(e.getSuppressed()).contains(lost);
            });

    BrowserSessions alone = BrowserSessions.of(provider);
    assertThatThrownBy(alone::close).isSameAs(lost);
  }

  @Test
  void sessionsKnownToBeTerminalAreNoLongerTracked() {
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      BrowserSession a = sessions.start(SessionRequest.defaults());
      BrowserSession b = sessions.start(SessionRequest.defaults());
      a.stop();
      // b ended on the vendor's side; a status call observes it.
      provider.sessions.put(
          b.id(), provider.sessions.get(b.id()).toBuilder().status(SessionStatus.TIMED_OUT).build());
      assertThat(b.refresh().status()).isEqualTo(SessionStatus.TIMED_OUT);
      assertThat(sessions.openSessions()).isEmpty();
    }
    assertThat(provider.count("stop")).isEqualTo(1);
  }

  @Test
  void handleStopIsIdempotentAndCallsProviderOnce() {
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      BrowserSession s = sessions.start(SessionRequest.defaults());
      SessionInfo first = s.stop();
      SessionInfo second = s.stop();
      s.close();
      assertThat(first.status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(second).isEqualTo(first);
      assertThat(s.info()).isEqualTo(first);
      assertThat(provider.count("stop")).isEqualTo(1);
    }
  }

  @Test
  void attachGivesAnUntrackedHandleToAnExistingSession() {
    SessionInfo existing = provider.create(SessionRequest.defaults());
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      BrowserSession s = sessions.attach(existing.id());
      assertThat(s.info()).isEqualTo(existing);
      assertThat(sessions.openSessions()).isEmpty();
    }
    assertThat(provider.count("stop")).isZero();
  }

  @Test
  void unknownSessionIsReportedAsNotFound() {
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      assertThatThrownBy(() -> sessions.status("nope"))
          .isInstanceOfSatisfying(
              SessionNotFoundException.class, e -> assertThat(e.sessionId()).isEqualTo("nope"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "../x", "a/b", "%2e%2e", "?x=1", "#", "a\r\nb", "..", "."})
  void invalidIdsAreRejectedBeforeAnyProviderCall(String id) {
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      assertThatThrownBy(() -> sessions.status(id))
          .isInstanceOfSatisfying(
              InvalidSessionRequestException.class,
              e -> assertThat(e.field()).contains("sessionId"));
      assertThatThrownBy(() -> sessions.stop(id))
          .isInstanceOf(InvalidSessionRequestException.class);
      assertThatThrownBy(() -> sessions.attach(id))
          .isInstanceOf(InvalidSessionRequestException.class);
    }
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void nullAndHugeIdsAreRejectedBeforeAnyProviderCall() {
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      assertThatThrownBy(() -> sessions.status(null))
          .isInstanceOf(InvalidSessionRequestException.class);
      assertThatThrownBy(() -> sessions.stop("a".repeat(10_000)))
          .isInstanceOf(InvalidSessionRequestException.class)
          .hasMessageContaining("at most 256");
    }
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void optionTheProviderLacksIsRefusedNamingOptionAndProviderBeforeAnyCall() {
    InMemoryProvider limited = new InMemoryProvider(EnumSet.of(Capability.CDP_URL));
    try (BrowserSessions sessions = BrowserSessions.of(limited)) {
      assertThatThrownBy(
              () -> sessions.start(SessionRequest.builder().solveCaptchas(true).build()))
          .isInstanceOfSatisfying(
              UnsupportedCapabilityException.class,
              e -> {
                assertThat(e.capability()).isEqualTo(Capability.SOLVE_CAPTCHAS);
                assertThat(e.provider()).contains("memory");
                assertThat(e.getMessage()).contains("memory").contains("captcha");
              });
      assertThatThrownBy(() -> sessions.list(SessionFilter.all()))
          .isInstanceOfSatisfying(
              UnsupportedCapabilityException.class,
              e -> assertThat(e.capability()).isEqualTo(Capability.LIST));
    }
    assertThat(limited.calls).isEmpty();
  }

  @Test
  void ownerTagIsAddedWhereMetadataIsSupported() {
    try (BrowserSessions sessions =
        BrowserSessions.builder().provider(provider).ownerId("svc-a").build()) {
      BrowserSession s = sessions.start(SessionRequest.builder().metadata("job", "7").build());
      assertThat(provider.lastRequest.metadata())
          .containsEntry(BrowserSessions.OWNER_TAG, "svc-a")
          .containsEntry("job", "7");
      assertThat(
              sessions.list(SessionFilter.active().withMetadata(BrowserSessions.OWNER_TAG, "svc-a")))
          .extracting(SessionInfo::id)
          .containsExactly(s.id());
    }
  }

  @Test
  void aDefaultOwnerIdIsStablePerClientAndUniqueAcrossClients() {
    try (BrowserSessions a = BrowserSessions.of(provider);
        BrowserSessions b = BrowserSessions.of(provider)) {
      String first = a.ownerId();
      BrowserSession s = a.start(SessionRequest.defaults());

      assertThat(a.ownerId()).isEqualTo(first);
      assertThat(provider.lastRequest.metadata()).containsEntry(BrowserSessions.OWNER_TAG, first);
      assertThat(b.ownerId()).isNotBlank().isNotEqualTo(first);
      assertThat(s.id()).isNotBlank();
    }
  }

  @Test
  void ownerTagIsNotAddedWithoutMetadataSupportOrWhenTurnedOff() {
    InMemoryProvider noMetadata = new InMemoryProvider(EnumSet.of(Capability.CDP_URL));
    try (BrowserSessions sessions = BrowserSessions.of(noMetadata)) {
      sessions.start(SessionRequest.defaults());
      assertThat(noMetadata.lastRequest.metadata()).isEmpty();
    }
    try (BrowserSessions sessions =
        BrowserSessions.builder().provider(provider).tagOwner(false).build()) {
      sessions.start(SessionRequest.defaults());
      assertThat(provider.lastRequest.metadata()).isEmpty();
    }
  }

  @Test
  void closedClientRefusesFurtherCalls() {
    BrowserSessions sessions = BrowserSessions.of(provider);
    sessions.close();
    assertThatThrownBy(() -> sessions.start(SessionRequest.defaults()))
        .isInstanceOf(BrowserSessionException.class)
        .hasMessageContaining("closed");
    assertThat(provider.count("create")).isZero();
  }

  @Test
  void oneClientIsSafeToShareBetweenThreads() throws Exception {
    int threads = 16;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try (BrowserSessions sessions = BrowserSessions.of(provider)) {
      List<Future<List<String>>> futures =
          java.util.stream.IntStream.range(0, threads)
              .mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            go.await();
                            List<String> ids = new java.util.ArrayList<>();
                            for (int i = 0; i < perThread; i++) {
                              BrowserSession s = sessions.start(SessionRequest.defaults());
                              ids.add(s.id());
                              if (i % 2 == 0) {
                                s.stop();
                              }
                            }
                            return ids;
                          }))
              .toList();
      go.countDown();
      Set<String> all =
          futures.stream()
              .flatMap(f -> getQuietly(f).stream())
              .collect(Collectors.toSet());
      assertThat(all).hasSize(threads * perThread);
      assertThat(sessions.openSessions()).hasSize(threads * (perThread / 2));
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(provider.sessions.values()).allMatch(SessionInfo::isTerminal);
  }

  @Test
  void capabilitiesAreThoseOfTheProvider() {
    InMemoryProvider limited =
        new InMemoryProvider(EnumSet.of(Capability.CDP_URL, Capability.IDLE_TIMEOUT));
    try (BrowserSessions sessions = BrowserSessions.of(limited)) {
      assertThat(sessions.capabilities())
          .containsExactlyInAnyOrder(Capability.CDP_URL, Capability.IDLE_TIMEOUT);
      BrowserSession s =
          sessions.start(SessionRequest.builder().idleTimeout(Duration.ofMinutes(1)).build());
      assertThat(s.id()).isNotBlank();
    }
  }

  private static <T> T getQuietly(Future<T> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
