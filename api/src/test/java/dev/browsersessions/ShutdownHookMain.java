package dev.browsersessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * A child-JVM program for {@link ShutdownHookTest}: starts two sessions with the shutdown hook on,
 * then exits normally or waits to be terminated. Every stop the provider receives is appended to
 * the file named by the first argument.
 */
public final class ShutdownHookMain {

  private ShutdownHookMain() {}

  /**
   * Runs the program.
   *
   * @param args the record file, and {@code wait} to block until terminated
   * @throws InterruptedException never in practice
   */
  public static void main(String[] args) throws InterruptedException {
    Path record = Path.of(args[0]);
    InMemoryProvider provider =
        new InMemoryProvider() {
          @Override
          public SessionInfo stop(String sessionId) {
            SessionInfo info = super.stop(sessionId);
            try {
              Files.writeString(record, "stopped " + sessionId + "\n",
                  StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return info;
          }
        };
    BrowserSessions sessions =
        BrowserSessions.builder().provider(provider).shutdownHook(true).build();
    sessions.start(SessionRequest.defaults());
    sessions.start(SessionRequest.defaults());
    System.out.println("READY");
    System.out.flush();
    if (args.length > 1 && args[1].equals("wait")) {
      new CountDownLatch(1).await();
    }
  }
}
