package dev.browsersessions.bench;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
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
      Throughput.Lifecycle one = library ? () -> {
        BrowserSession s = lib.start(SessionRequest.defaults());
        s.refresh();
        s.stop();
      } : vendor.equals("notte") ? () -> {
        String id = bare.notteStart().id();
        bare.notteStatus(id);
        bare.notteStop(id);
      } : () -> {
        String id = bare.stagehandStart().id();
        bare.browserbaseStatus(id);
        bare.stagehandStop(id, Vendors.STOP_POLL);
      };
      long t0 = System.nanoTime();
      long[] r = Throughput.run(one, Callers.platform(), callers, lifecycles,
          Duration.ofMinutes(5));
      System.out.println("lifecycles " + lifecycles + " in " + (System.nanoTime() - t0) / 1e9
          + " s; result " + java.util.Arrays.toString(java.util.Arrays.copyOf(r, 3)));
    }
  }
}
