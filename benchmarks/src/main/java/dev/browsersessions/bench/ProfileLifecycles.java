package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.time.Duration;

/**
 * Lifecycles (create, status, stop) to profile: {@code java -XX:StartFlightRecording=... -cp ...
 * ProfileLifecycles notte|stagehand library|bare lifecycles callers}. The canned server runs in
 * its own JVM (lifecycle routes), so the recording holds the client's work alone.
 */
public final class ProfileLifecycles {

  private ProfileLifecycles() {
  }

  /**
   * Runs lifecycles on platform threads.
   *
   * @param args vendor, side (library or bare), lifecycles, concurrent callers
   * @throws Exception if the server or a lifecycle fails
   */
  public static void main(String[] args) throws Exception {
    String vendor = args[0];
    boolean library = args[1].equals("library");
    int lifecycles = Integer.parseInt(args[2]);
    int callers = Integer.parseInt(args[3]);
    try (RemoteServer server = RemoteServer.start(vendor, "lifecycle");
        BrowserSessions lib = Vendors.library(vendor, server.baseUrl(), server.baseUrl())) {
      BareClients bare = new BareClients(server.baseUrl());
      Throughput.Lifecycle one = library ? FairRun.library(lib) : FairRun.bare(vendor, bare);
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      Throughput.run(one, Callers.platform(), callers, Math.max(1000, lifecycles / 10),
          Duration.ofMinutes(5)); // warm-up
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
          java.lang.management.ManagementFactory.getThreadMXBean();
      long alloc0 = threads.getTotalThreadAllocatedBytes();
      server.reset();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      long[] r = Throughput.run(one, Callers.platform(), callers, lifecycles,
          Duration.ofMinutes(5));
      long wall = System.nanoTime() - t0;
      System.out.printf("%s %s: %d lifecycles at %d callers in %.2f s (%.0f/s), %.0f µs CPU"
          + " each, %.0f B allocated each, %d failed; server: %d requests, %d connections%n", vendor, args[1], lifecycles, callers,
          wall / 1e9, lifecycles / (wall / 1e9), (os.getProcessCpuTime() - cpu0) / 1e3 / lifecycles,
          (threads.getTotalThreadAllocatedBytes() - alloc0) / (double) lifecycles, r[1],
          server.stats().requests(), server.stats().connections());
    }
  }
}
