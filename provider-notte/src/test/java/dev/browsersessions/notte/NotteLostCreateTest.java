package dev.browsersessions.notte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.internal.NotteProvider;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create whose answer is lost after Notte started the session neither leaks the session nor
 * bills it twice: the session is found among the active ones and stopped (or, by configuration,
 * named), and the failure says which.
 */
class NotteLostCreateTest {

  private static final String KEY = "nk-lost-1";
  private final MutableClock clock = MutableClock.startingNow();
  private final CountDownLatch release = new CountDownLatch(1);
  private NotteSimulator sim;

  @BeforeEach
  void start() throws IOException {
    sim = new NotteSimulator(clock, KEY);
  }

  @AfterEach
  void stop() {
    release.countDown();
    sim.close();
  }

  private NotteProvider provider(Map<String, String> extra) {
    ProviderConfig.Builder b = ProviderConfig.builder()
        .put("api-key", KEY).put("base-url", sim.baseUrl().toString())
        .put("request-timeout", "10s").put("retry-initial-backoff", "1ms")
        .put("retry-max-backoff", "5ms").put("stop-poll-interval", "1ms");
    extra.forEach(b::put);
    return NotteProviders.create(b.build(), clock, clock::advance);
  }

  /** A provider that gives up on an answer after 1 s (held answers come only at the end). */
  private NotteProvider impatient() {
    return provider(Map.of("request-timeout", "1s"));
  }

  private static String onlyId(NotteSimulator sim, String status) {
    List<String> ids = sim.received.stream()
        .filter(r -> r.method().equals("DELETE")).map(r -> r.path().split("/")[2]).toList();
    assertThat(ids).as("sessions stopped").hasSize(1);
    assertThat(sim.statusOf(ids.get(0))).isEqualTo(status);
    return ids.get(0);
  }

  @Test
  void aCreateAnsweredAfterTheRequestTimeoutStopsTheSessionItStartedAndSaysSo() {
    NotteProvider notte = impatient();
    sim.holdStartAnswers(1, 1, release);

    ProviderUnavailableException e = catchThrowableOfType(
        () -> notte.create(SessionRequest.defaults()), ProviderUnavailableException.class);

    String stopped = onlyId(sim, "closed");
    assertThat(e).hasMessageContaining("Notte started session '" + stopped + "' anyway; it was found and stopped");
    assertThat(sim.activeCount()).isZero();
    assertThat(sim.startsReceived()).as("never billed twice").isEqualTo(1);
    assertThat(sim.received.get(0).headers()).hasEntrySatisfying("Idempotency-key",
        v -> assertThat(v).singleElement().asString().matches("[0-9a-f]{64}"));
  }

  @Test
  void aCreateWhoseConnectionIsResetAfterTheStartStopsTheSessionItStarted() {
    NotteProvider notte = provider(Map.of());
    sim.dropStartAnswers(1);

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("was found and stopped");

    String stopped = onlyId(sim, "closed");
    assertThat(sim.activeCount()).isZero();
    assertThat(sim.startsReceived()).isEqualTo(1);
    assertThat(sim.received).extracting(NotteSimulator.Received::query)
        .anySatisfy(q -> assertThat(q).contains("only_active=true"));
    assertThat(stopped).isNotBlank();
  }

  @Test
  void aConcurrentSuccessfulCreateKeepsItsSession() throws Exception {
    NotteProvider notte = impatient();
    sim.holdStartAnswers(1, 1, release);
    CompletableFuture<SessionInfo> lost =
        CompletableFuture.supplyAsync(() -> notte.create(SessionRequest.defaults()));
    assertThat(sim.heldStarts.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

    SessionInfo kept = notte.create(SessionRequest.defaults()); // same request, same window

    assertThatThrownBy(() -> lost.get(20, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("was found and stopped")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain(kept.id()));
    assertThat(sim.statusOf(kept.id())).isEqualTo("active");
    assertThat(onlyId(sim, "closed")).isNotEqualTo(kept.id());
    assertThat(sim.activeCount()).isEqualTo(1);
    assertThat(sim.startsReceived()).isEqualTo(2);
  }

  @Test
  void aSessionOfADifferentRequestIsNotTakenForTheLostOne() {
    NotteProvider other = provider(Map.of());
    SessionInfo unrelated = other.create(SessionRequest.builder()
        .idleTimeout(Duration.ofMinutes(7)).build());
    NotteProvider notte = provider(Map.of());
    sim.dropStartAnswers(1);

    assertThatThrownBy(() -> notte.create(SessionRequest.builder()
        .idleTimeout(Duration.ofMinutes(5)).build()))
        .hasMessageContaining("was found and stopped");

    assertThat(onlyId(sim, "closed")).isNotEqualTo(unrelated.id());
    assertThat(sim.statusOf(unrelated.id())).isEqualTo("active");
  }

  @Test
  void aStartAnswerWithAnIdButNoStatusStopsThatSession() {
    SessionInfo started = provider(Map.of()).create(SessionRequest.defaults());
    NotteProvider notte = provider(Map.of());
    sim.inject("POST", "/sessions/start", 200, "{\"session_id\":\"" + started.id() + "\"}");

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(dev.browsersessions.ProviderProtocolException.class)
        .hasMessageContaining("lacks status")
        .hasMessageContaining("Notte started session '" + started.id() + "' anyway; it was found"
            + " and stopped");

    assertThat(sim.statusOf(started.id())).isEqualTo("closed");
  }

  @Test
  void reportModeStopsNothingAndNamesTheCandidate() {
    NotteProvider notte = provider(Map.of("lost-create", "report"));
    sim.dropStartAnswers(1);

    BrowserSessionException e = catchThrowableOfType(
        () -> notte.create(SessionRequest.defaults()), BrowserSessionException.class);

    assertThat(sim.activeCount()).isEqualTo(1);
    assertThat(sim.received).noneMatch(r -> r.method().equals("DELETE"));
    java.util.regex.Matcher named =
        java.util.regex.Pattern.compile("\\[([0-9a-f-]{36})\\]").matcher(e.getMessage());
    assertThat(named.find()).as("a candidate id is named").isTrue();
    assertThat(sim.statusOf(named.group(1))).isEqualTo("active");
    assertThat(e.getMessage()).contains("lost-create=report", "nothing was stopped");
  }

  @Test
  void ignoreModeLooksForNothing() {
    NotteProvider notte = provider(Map.of("lost-create", "ignore"));
    sim.dropStartAnswers(1);

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class)
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("lost"));

    assertThat(sim.received).hasSize(1);
    assertThat(sim.activeCount()).isEqualTo(1);
  }

  @Test
  void anAnswered5xxLooksOnceAndSaysNothingWasFound() {
    NotteProvider notte = provider(Map.of());
    sim.inject("POST", "/sessions/start", 500, "{\"message\":\"boom\"}");

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("boom")
        .hasMessageContaining("no running session of this create was found (looked once)")
        .hasMessageContaining("sessions.list(");

    assertThat(sim.received).extracting(NotteSimulator.Received::path)
        .containsExactly("/sessions/start", "/sessions");
  }

  @Test
  void aRefusedCreateLooksForNothing() {
    NotteProvider notte = provider(Map.of());
    sim.inject("POST", "/sessions/start", 422, "{\"detail\":[{\"loc\":[\"body\",\"x\"],"
        + "\"msg\":\"bad\",\"type\":\"value_error\"}]}");

    assertThatThrownBy(() -> notte.create(SessionRequest.defaults()))
        .isInstanceOf(InvalidSessionRequestException.class);

    assertThat(sim.received).hasSize(1);
  }

  @Test
  void anUnknownLostCreateValueIsAConfigurationErrorNamingTheKey() {
    assertThatThrownBy(() -> provider(Map.of("lost-create", "keep")))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("lost-create").hasMessageContaining("stop, report or ignore");
  }

  /** The soak's leak in small: concurrent creates, some answered after the client gave up. */
  @Test
  void concurrentCreatesWithLostAnswersLeakNothing() throws Exception {
    NotteProvider notte = impatient();
    int threads = 8;
    int perThread = 8;
    sim.holdStartAnswers(4, Integer.MAX_VALUE, release);
    List<String> returned = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            try {
              returned.add(notte.create(SessionRequest.defaults()).id());
            } catch (ProviderUnavailableException e) {
              assertThat(e).hasMessageContaining("was found and stopped");
              failed.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    release.countDown();

    // every 4th answer is held past the timeout; on a loaded machine others may time out too
    assertThat(failed.get()).as("lost creates").isGreaterThanOrEqualTo(threads * perThread / 4);
    assertThat(failed.get() + returned.size()).isEqualTo(threads * perThread);
    assertThat(sim.startsReceived()).isEqualTo(threads * perThread);
    assertThat(sim.activeCount()).as("active = sessions the creates returned")
        .isEqualTo(returned.size());
    returned.forEach(id -> assertThat(sim.statusOf(id)).isEqualTo("active"));
  }
}
