package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.time.Duration;

/**
 * A status loop to profile: {@code java -XX:StartFlightRecording=... -cp ... ProfileStatus
 * notte|stagehand library|bare seconds}. The canned server runs in its own JVM, so the recording
 * holds the client's work alone.
 */
public final class ProfileStatus {

  private ProfileStatus() {
  }

  /**
   * Runs status calls for a while.
   *
   * @param args vendor, side (library or bare), seconds
   * @throws Exception if the server or a call fails
   */
  public static void main(String[] args) throws Exception {
    String vendor = args[0];
    boolean library = args[1].equals("library");
    long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
    if (System.getProperty(Vendors.ANSWERS_DIR) == null) {
      // the server JVM must answer about the same session as this one asks for
      String flag = Vendors.saveAnswers(java.nio.file.Files.createTempDirectory("bench-answers"));
      System.setProperty(Vendors.ANSWERS_DIR, flag.substring(flag.indexOf('=') + 1));
    }
    Vendors.Answers a = Vendors.capture(vendor);
    try (RemoteServer server = RemoteServer.start(vendor, "running");
        BrowserSessions lib = Vendors.library(vendor, server.baseUrl(), server.baseUrl())) {
      BareClients bare = new BareClients(server.baseUrl());
      long calls = 0;
      while (System.nanoTime() < until) {
        Object answer = library ? lib.status(a.id()) : Operation.STATUS.bare(vendor, bare, a.id());
        if (answer == null) {
          throw new IllegalStateException("no answer");
        }
        calls++;
      }
      System.out.println("calls " + calls);
    }
  }
}
