package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

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
    Path answers = null;
    if (System.getProperty(Vendors.ANSWERS_DIR) == null) {
      // the server JVM must answer about the same session as this one asks for
      answers = Files.createTempDirectory("bench-answers");
      Vendors.useAnswers(answers);
    }
    try {
      loop(vendor, library, until);
    } finally {
      if (answers != null) {
        deleteTree(answers);
      }
    }
  }

  private static void loop(String vendor, boolean library, long until) throws Exception {
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

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
