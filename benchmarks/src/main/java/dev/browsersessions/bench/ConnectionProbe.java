package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.util.Locale;

/**
 * Counts the TCP connections a run of sequential {@code status} calls opens, library versus bare
 * client: connection reuse working means one connection for both.
 */
public final class ConnectionProbe {

  private ConnectionProbe() {
  }

  /**
   * Runs the probe for Notte.
   *
   * @param calls sequential calls per client
   * @return a Markdown paragraph with the counts
   * @throws Exception if set-up fails
   */
  public static String notte(int calls) throws Exception {
    String[] captured = Vendors.notteStatusBody();
    int lib;
    int bare;
    try (CannedServer server = new CannedServer(captured[1]);
        BrowserSessions library = BrowserSessions.builder().provider("notte")
            .config(Vendors.notte(server.baseUrl())).shutdownHook(false)
            .stopSessionsOnClose(false).build()) {
      for (int i = 0; i < calls; i++) {
        library.status(captured[0]);
      }
      lib = server.connections();
    }
    try (CannedServer server = new CannedServer(captured[1])) {
      BareClients client = new BareClients(server.baseUrl());
      for (int i = 0; i < calls; i++) {
        client.notteStatus(captured[0]);
      }
      bare = server.connections();
    }
    return String.format(Locale.ROOT, "Connection reuse: %d sequential Notte `status` calls "
        + "opened %d TCP connection(s) through the library and %d with the bare client.%n%n",
        calls, lib, bare);
  }
}
