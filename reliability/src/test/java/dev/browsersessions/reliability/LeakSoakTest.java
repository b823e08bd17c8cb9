package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.SessionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session lifecycles (start, status, stop) from many threads with 10 % of calls faulted at
 * random. Afterwards no session the client believes stopped is active, and every session it could
 * not stop is named by {@link SessionCleanupException} from {@code close()}. Small by default;
 * {@code -Dreliability.soak.lifecycles=10000 -Dreliability.soak.threads=32} for the full figure.
 */
class LeakSoakTest {

  static final int LIFECYCLES = Integer.getInteger("reliability.soak.lifecycles", 500);
  static final int THREADS = Integer.getInteger("reliability.soak.threads", 8);
  static final double FAULT_RATE = 0.10;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"notte", "stagehand"})
  void noSessionLeaks(String provider) throws Exception {
    try (Target t = provider.equals("notte") ? Target.notte() : Target.stagehand()) {
      BrowserSessions client = t.client();
      List<String> stopped = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicInteger failedCalls = new AtomicInteger();
      t.proxies.forEach(p -> p.randomFaultRate = FAULT_RATE);
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < LIFECYCLES; i++) {
        done.add(pool.submit(() -> lifecycle(client, stopped, failedCalls)));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      t.proxies.forEach(p -> p.randomFaultRate = 0);
      long faults = t.faultsInjected();
      List<String> reported = List.of();
      try {
        client.close();
      } catch (SessionCleanupException e) {
        reported = e.sessionIds();
      }
      long active = t.activeCount.getAsLong();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(faults).as("faults were injected").isPositive();
      assertThat(active).as("active sessions left = sessions the client reported").isEqualTo(reported.size());
      assertThat(active).as("leaked").isZero();
      String line = "| " + provider + " | " + LIFECYCLES + " | " + THREADS + " | " + faults + " | "
          + failedCalls.get() + " | " + stopped.size() + " | " + reported.size() + " | " + active
          + " | " + millis + " |\n";
      Path out = Path.of("target", "soak.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  private static void lifecycle(BrowserSessions client, List<String> stopped, AtomicInteger failed) {
    String id;
    try {
      id = client.start(SessionRequest.defaults()).id();
    } catch (BrowserSessionException e) {
      failed.incrementAndGet();
      return;
    }
    try {
      client.status(id);
    } catch (BrowserSessionException e) {
      failed.incrementAndGet();
    }
    try {
      client.stop(id);
      stopped.add(id);
    } catch (BrowserSessionException e) {
      failed.incrementAndGet();
    }
  }
}
