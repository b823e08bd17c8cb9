package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeProviderConcurrencyTest {

  private static final int THREADS = 8;

  private final MutableClock clock = MutableClock.of(Instant.parse("2030-01-01T00:00:00Z"));
  private final FakeProvider fake = FakeProvider.builder().clock(clock).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs the task on every thread at once (released together by a latch) and collects results. */
  private <T> List<T> together(Callable<T> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(
          pool.submit(
              () -> {
                ready.countDown();
                assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                return task.call();
              }));
    }
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(10, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void parallelCreatesGiveDistinctIds() throws Exception {
    List<List<String>> batches =
        together(
            () -> {
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < 50; i++) {
                ids.add(fake.create(SessionRequest.defaults()).id());
              }
              return ids;
            });

    List<String> all = batches.stream().flatMap(List::stream).toList();
    assertThat(new HashSet<>(all)).hasSize(THREADS * 50);
    assertThat(fake.sessions()).hasSize(THREADS * 50);
    assertThat(fake.calls(FakeOperation.CREATE)).hasSize(THREADS * 50);
  }

  @Test
  void parallelStopsOfOneSessionAgree() throws Exception {
    for (int round = 0; round < 20; round++) {
      String id = fake.create(SessionRequest.defaults()).id();
      clock.advance(Duration.ofSeconds(1));

      List<SessionInfo> results = together(() -> fake.stop(id));

      assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(SessionStatus.CLOSED));
      assertThat(new HashSet<>(results)).hasSize(1);
    }
  }

  @Test
  void parallelStatusStopAndTimeoutOnOneSessionEndInOneState() throws Exception {
    for (int round = 0; round < 20; round++) {
      String id =
          fake.create(SessionRequest.builder().idleTimeout(Duration.ofSeconds(30)).build()).id();
      clock.advance(Duration.ofSeconds(29));

      AtomicInteger turn = new AtomicInteger();
      List<SessionInfo> results =
          together(
              () -> {
                if (turn.getAndIncrement() % 2 == 0) {
                  clock.advance(Duration.ofMillis(500));
                  return fake.status(id);
                }
                return fake.stop(id);
              });

      SessionInfo last = fake.stop(id);
      assertThat(last.isTerminal()).isTrue();
      assertThat(results)
          .filteredOn(SessionInfo::isTerminal)
          .allSatisfy(r -> assertThat(r).isEqualTo(last));
    }
  }
}
