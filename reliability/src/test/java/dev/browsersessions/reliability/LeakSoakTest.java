package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.reliability.FaultProxy.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session lifecycles (start, status, stop) from many threads with 10 % of calls faulted at
 * random. Afterwards no session the client believes stopped is active, and every session it could
 * not stop is named by {@link SessionCleanupException} from {@code close()}; the simulator never
 * received more starts than there were lifecycles (no session billed twice). Small by default
 * (500 × 8); {@code -Psoak} (or {@code -Dreliability.soak.lifecycles=10000
 * -Dreliability.soak.threads=32}) for the full figure.
 */
class LeakSoakTest {

  static final int LIFECYCLES = Integer.getInteger("reliability.soak.lifecycles", 500);
  static final int THREADS = Integer.getInteger("reliability.soak.threads", 8);
  static final double FAULT_RATE = 0.10;
  /**
   * Whether the random faults include {@link Fault#LOST_ANSWER} and {@link Fault#LOST_ANSWER_SLOW}
   * (the server starts or stops, the answer is reset or stalls past the request timeout): on
   * unless {@code -Dreliability.soak.lostAnswers=false}. Both providers find and stop the
   * session of a create whose answer is lost (provider-notte by time window and echoed fields,
   * provider-stagehand by request tag), at the time or, failing that, at {@code close()}.
   */
  static final boolean LOST_ANSWERS =
      Boolean.parseBoolean(System.getProperty("reliability.soak.lostAnswers", "true"));

  /** Request timeout in the soak: generous, for 32 threads on 2 shared cores. */
  static final String SOAK_REQUEST_TIMEOUT = "1s";

  /** Columns of the figure printed and appended to {@code target/soak.md}. */
  static final String HEADER = "| provider | lifecycles | threads | lost answers | faults injected | failed calls "
      + "| sessions the client knows | starts received by the simulator | stopped by client "
      + "| reported by close() | active left (leaked) | ms |";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"notte", "stagehand"})
  void noSessionLeaks(String provider) throws Exception {
    try (Target t = Target.of(provider)) {
      ProviderConfig.Builder config = t.config().put("request-timeout", SOAK_REQUEST_TIMEOUT);
      // The providers' default: under load the simulator may start a lost create's session late
      config.put("lost-create-wait", "5s");
      BrowserSessions client = BrowserSessions.create(provider, config.build());
      List<String> known = Collections.synchronizedList(new ArrayList<>());
      List<String> stopped = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger failedCalls = new AtomicInteger();
      List<Fault> mix = new ArrayList<>(FaultProxy.FAST);
      if (LOST_ANSWERS) {
        mix.add(Fault.LOST_ANSWER);
        mix.add(Fault.LOST_ANSWER_SLOW);
      }
      t.proxies.forEach(p -> p.randomFaults = mix);
      t.proxies.forEach(p -> p.randomFaultRate = FAULT_RATE);
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < LIFECYCLES; i++) {
        done.add(pool.submit(() -> lifecycle(client, known, stopped, failedCalls)));
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
      long starts = t.startsReceived();
      long millis = (System.nanoTime() - start) / 1_000_000;
      String line = "| " + provider + " | " + LIFECYCLES + " | " + THREADS + " | "
          + (LOST_ANSWERS ? "yes" : "no") + " | " + faults + " | "
          + failedCalls.get() + " | " + known.size() + " | " + starts + " | " + stopped.size()
          + " | " + reported.size() + " | " + active + " | " + millis + " |";
      System.out.println(HEADER + "\n" + line);
      Path out = Path.of("target", "soak.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      assertThat(faults).as("faults were injected").isPositive();
      // the proxy never faults a request it forwarded, so each start received started one session
      assertThat(starts).as("starts received (never two sessions for one start)")
          .isLessThanOrEqualTo(LIFECYCLES).isGreaterThanOrEqualTo(known.size());
      assertThat(active).as("active sessions left = sessions the client reported; the left ones: "
          + leftOver(t.activeIds(), known, stopped, reported)).isEqualTo(reported.size());
      assertThat(active).as("leaked").isZero();
    }
  }

  /** What the client knew of each session left active: the kind of leak. */
  private static String leftOver(List<String> active, List<String> known, List<String> stopped,
      List<String> reported) {
    Map<String, Long> kinds = active.stream().collect(Collectors.groupingBy(id ->
        stopped.contains(id) ? "believed stopped" : reported.contains(id) ? "reported"
            : known.contains(id) ? "started, stop failed, not reported"
            : "never returned by a start (lost create)", TreeMap::new, Collectors.counting()));
    return kinds + " " + active;
  }

  private static void lifecycle(BrowserSessions client, List<String> known, List<String> stopped,
      AtomicInteger failed) {
    String id;
    try {
      id = client.start(SessionRequest.defaults()).id();
      known.add(id);
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
