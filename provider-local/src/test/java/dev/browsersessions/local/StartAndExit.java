package dev.browsersessions.local;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A program that starts one session and exits without stopping it, as {@code browser-sessions
 * start} does (detached) or as a program that forgets {@code close()} does (not detached). Run in
 * its own JVM by {@link LocalLifetimeTest}; prints the session id and the browser's pid.
 */
public final class StartAndExit {

  private StartAndExit() {}

  /**
   * Starts the session.
   *
   * @param args chromium, state directory, {@code detach} flag, idle timeout (ISO-8601)
   */
  public static void main(String[] args) {
    BrowserSessionProvider p = LocalProviderFactory.create(LocalSettings.builder()
        .chromium(Path.of(args[0])).stateDir(Path.of(args[1]))
        .detach(Boolean.parseBoolean(args[2])).build());
    SessionInfo s = p.create(SessionRequest.builder().idleTimeout(Duration.parse(args[3]))
        .build());
    System.out.println(s.id() + " " + s.attributes().get("pid"));
    System.exit(0); // no close(), no stop()
  }
}
