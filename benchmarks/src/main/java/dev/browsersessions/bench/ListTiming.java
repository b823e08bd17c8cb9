package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.notte.sim.NotteSimulator;
import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Time of {@code list(SessionFilter.all())} as the number of sessions grows: on the fake provider
 * (library versus the provider alone), on the Notte simulator with paging (100 per page, library
 * versus a bare paging loop) and on the Stagehand simulator (Browserbase's one-request list).
 */
public final class ListTiming {

  /**
   * One measured size.
   *
   * @param vendor fake, notte or stagehand
   * @param sessions sessions stored
   * @param baseline what the library is compared with (provider alone, or bare client)
   * @param listed sessions the library returned / the baseline returned
   * @param libraryMillis median time of one list through the library
   * @param baselineMillis median time of one list by the baseline
   * @param requests HTTP requests per list, library / baseline (0 for the fake provider)
   */
  public record Point(String vendor, int sessions, String baseline, String listed,
      double libraryMillis, double baselineMillis, String requests) {
  }

  private ListTiming() {
  }

  /**
   * Lists on the fake provider.
   *
   * @param sessions how many sessions
   * @param reps timed lists per side (the median is kept)
   * @return the point
   */
  public static Point fake(int sessions, int reps) {
    FakeProvider provider = FakeProvider.builder().build();
    try (BrowserSessions lib = BrowserSessions.builder().provider(provider).shutdownHook(false)
        .stopSessionsOnClose(false).build()) {
      for (int i = 0; i < sessions; i++) {
        lib.start(SessionRequest.defaults());
      }
      provider.clearCalls();
      return point("fake", sessions, "provider alone", reps,
          () -> lib.list(SessionFilter.all()), () -> provider.list(SessionFilter.all()),
          () -> 0, provider::clearCalls);
    }
  }

  /**
   * Lists on the Notte simulator (paged).
   *
   * @param sessions how many sessions
   * @param reps timed lists per side
   * @return the point
   * @throws Exception if the simulator fails
   */
  public static Point notte(int sessions, int reps) throws Exception {
    try (NotteSimulator sim = new NotteSimulator(Clock.systemUTC(), Vendors.KEY);
        BrowserSessions lib = Vendors.library("notte", sim.baseUrl(), null)) {
      BareClients bare = new BareClients(sim.baseUrl());
      for (int i = 0; i < sessions; i++) {
        bare.notteStart();
      }
      return point("notte", sessions, "bare client", reps, () -> lib.list(SessionFilter.all()),
          bare::notteList, () -> sim.received.size(), sim.received::clear);
    }
  }

  /**
   * Lists on the Stagehand simulator (Browserbase {@code GET /v1/sessions}).
   *
   * @param sessions how many sessions
   * @param reps timed lists per side
   * @return the point
   */
  public static Point stagehand(int sessions, int reps) {
    try (StagehandSimulator sim = StagehandSimulator.start(Vendors.KEY);
        BrowserSessions lib = Vendors.library("stagehand", sim.stagehandUrl(),
            sim.browserbaseUrl())) {
      BareClients bare = new BareClients(sim.stagehandUrl(), sim.browserbaseUrl());
      for (int i = 0; i < sessions; i++) {
        sim.addBrowserbaseOnlySession(Map.of());
      }
      return point("stagehand", sessions, "bare client", reps,
          () -> lib.list(SessionFilter.all()), bare::browserbaseList,
          () -> sim.requests().size(), () -> { });
    }
  }

  private static Point point(String vendor, int sessions, String baseline, int reps,
      Supplier<List<?>> library, Supplier<List<?>> other, LongSupplier requests,
      Runnable forget) {
    for (int i = 0; i < 2; i++) { // warm-up
      library.get();
      other.get();
    }
    forget.run();
    long r0 = requests.getAsLong();
    int listedLib = library.get().size();
    long r1 = requests.getAsLong();
    int listedOther = other.get().size();
    long r2 = requests.getAsLong();
    double lib = median(library, reps, forget);
    double base = median(other, reps, forget);
    return new Point(vendor, sessions, baseline, listedLib + " / " + listedOther, lib, base,
        (r1 - r0) + " / " + (r2 - r1));
  }

  private static double median(Supplier<List<?>> list, int reps, Runnable forget) {
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      list.get();
      t[i] = (System.nanoTime() - t0) / 1e6;
      forget.run();
    }
    Arrays.sort(t);
    return t[reps / 2];
  }
}
