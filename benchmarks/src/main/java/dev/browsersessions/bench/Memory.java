package dev.browsersessions.bench;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.FakeProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap retained per session on the fake provider: by the provider alone, by the library's leak
 * guard (tracked session, handle dropped) and by an open {@link BrowserSession} handle.
 */
public final class Memory {

  /**
   * One measured size.
   *
   * @param sessions how many sessions were open
   * @param providerBytes bytes per session held by the fake provider alone
   * @param trackedBytes extra bytes per session tracked by the library (handles dropped)
   * @param handleBytes extra bytes per open handle the caller keeps
   */
  public record Point(int sessions, double providerBytes, double trackedBytes,
      double handleBytes) {
  }

  private Memory() {
  }

  /**
   * Measures at one size.
   *
   * @param n sessions
   * @return bytes per session
   */
  public static Point measure(int n) {
    SessionRequest request = SessionRequest.defaults();
    long base = used();
    FakeProvider alone = FakeProvider.builder().build();
    for (int i = 0; i < n; i++) {
      alone.create(request);
    }
    long providerOnly = used() - base;
    keep(alone);
    alone = null;

    base = used();
    BrowserSessions lib = BrowserSessions.builder().provider(FakeProvider.builder().build())
        .shutdownHook(false).stopSessionsOnClose(false).build();
    List<BrowserSession> handles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      handles.add(lib.start(request));
    }
    long withHandles = used() - base;
    int open = handles.size();
    handles = null;
    long tracked = used() - base;
    if (lib.openSessions().size() != open) {
      throw new IllegalStateException("the library tracks " + lib.openSessions().size());
    }
    lib.close();
    return new Point(n, providerOnly / (double) n, (tracked - providerOnly) / (double) n,
        (withHandles - tracked) / (double) n);
  }

  private static volatile Object sink;

  private static void keep(Object o) {
    sink = o;
    sink = null;
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = rt.totalMemory() - rt.freeMemory();
      if (Math.abs(now - last) < 1024) {
        return now;
      }
      last = now;
    }
    return last;
  }
}
