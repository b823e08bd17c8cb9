package dev.browsersessions.reliability;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A child-JVM program for {@link ShutdownTest}: starts sessions through {@link BrowserSessions}
 * with the shutdown hook on against a REST provider, prints {@code STARTED <ids>}, then returns
 * from {@code main} (normal exit) once a line arrives on stdin, or waits to be terminated. It
 * never calls {@code close()}.
 */
final class ShutdownChild {

  static final int SESSIONS = 3;

  private ShutdownChild() {}

  /**
   * Runs the program.
   *
   * @param args provider, {@code exit} or {@code wait}, then the settings as {@code key=value}
   * @throws InterruptedException never in practice
   * @throws IOException if stdin cannot be read
   */
  public static void main(String[] args) throws InterruptedException, IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    BrowserSessions sessions = BrowserSessions.builder().provider(args[0])
        .config(Target.isolatedConfig(settings).build()).shutdownHook(true).build();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      ids.add(sessions.start(SessionRequest.defaults()).id());
    }
    System.out.println("STARTED " + String.join(" ", ids));
    System.out.flush();
    if (args[1].equals("wait")) {
      new CountDownLatch(1).await();
    } else {
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
  }
}
