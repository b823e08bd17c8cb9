package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resource hygiene: {@value #CYCLES_DEFAULT} cycles (1,000 with {@code -Dreliability.churn.cycles=1000}) of a {@link BrowserSessions} client built,
 * used (start, status, stop) and closed against the Notte simulator do not grow the JVM's
 * threads or file descriptors. Measured after a warm-up, so that what is built once per JVM (the
 * shared HTTP client of the configuration, the simulator's threads) is counted before.
 */
class ClientChurnTest {

  static final int CYCLES_DEFAULT = 300;
  static final int CYCLES = Integer.getInteger("reliability.churn.cycles", CYCLES_DEFAULT);
  private static final int WARM_UP = 20;
  /** Threads and descriptors that may come and go (a connection being replaced, a GC thread). */
  private static final int SLACK = 4;

  @Test
  void buildingUsingAndClosingClientsDoesNotGrowThreadsOrFileDescriptors() throws Exception {
    try (NotteSimulator sim = new NotteSimulator(new OffsetClock(), Target.NOTTE_KEY)) {
      Map<String, String> settings = Map.of("api-key", Target.NOTTE_KEY,
          "base-url", sim.baseUrl().toString(), "stop-poll-interval", "5ms");
      for (int i = 0; i < WARM_UP; i++) {
        cycle(settings);
      }
      settle(Set.of());
      Set<Thread> warm = Set.copyOf(Thread.getAllStackTraces().keySet());
      int fdsBefore = fds();
      for (int i = 0; i < CYCLES; i++) {
        cycle(settings);
      }
      List<String> grown = settle(warm);
      int fdsAfter = fds();
      System.out.printf("ClientChurnTest: %d cycles: threads %d -> %d (%d new, e.g. %s), fds %d"
          + " -> %d%n", CYCLES, warm.size(), Thread.getAllStackTraces().size(), grown.size(),
          grown.subList(0, Math.min(5, grown.size())), fdsBefore, fdsAfter);
      assertThat(grown.size()).as("threads started by the cycles and still alive, e.g. %s",
          grown.subList(0, Math.min(5, grown.size()))).isLessThan(SLACK);
      if (fdsBefore >= 0) {
        assertThat(fdsAfter).as("open file descriptors").isLessThan(fdsBefore + SLACK);
      }
    }
  }

  private static void cycle(Map<String, String> settings) {
    try (BrowserSessions client = BrowserSessions.create("notte",
        Target.isolatedConfig(settings).build())) {
      String id = client.start(SessionRequest.defaults()).id();
      client.status(id);
      client.stop(id);
    }
  }

  /**
   * Waits (bounded, by joining) for our idle worker threads started since {@code known} to end.
   *
   * @return the names of the threads started since then and still alive
   */
  private static List<String> settle(Set<Thread> known) throws InterruptedException {
    List<String> alive = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (known.contains(t)) {
        continue;
      }
      if (t.getName().startsWith("browser-sessions-http")) {
        t.join(10_000);
      }
      if (t.isAlive()) {
        alive.add(t.getName());
      }
    }
    return alive;
  }

  /** The open file descriptors of this process, or -1 where /proc is not there. */
  private static int fds() {
    String[] open = new File("/proc/self/fd").list();
    return open == null ? -1 : open.length;
  }
}
