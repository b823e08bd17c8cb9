package dev.browsersessions.local.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads Chromium's stderr until the {@code DevTools listening on ws://…} line, skipping the noise
 * before it (Debian's launcher script and dbus errors), then keeps draining the stream on a daemon
 * thread so that the pipe never fills and blocks the browser.
 */
public final class DevToolsLine {

  /** The prefix Chromium prints before its CDP URL. */
  public static final String PREFIX = "DevTools listening on ";

  private static final int TAIL_LINES = 10;

  private final CompletableFuture<URI> url = new CompletableFuture<>();
  private final Deque<String> tail = new ArrayDeque<>();

  private DevToolsLine() {}

  /**
   * Starts reading a stream on a daemon thread.
   *
   * @param stderr the browser's standard error
   * @param threadName the reader thread's name
   * @return the reader, whose {@link #url()} completes when the line is seen
   */
  public static DevToolsLine watch(InputStream stderr, String threadName) {
    DevToolsLine line = new DevToolsLine();
    Thread t = new Thread(() -> line.drain(stderr), threadName);
    t.setDaemon(true);
    t.start();
    return line;
  }

  /**
   * The CDP URL; completes exceptionally with an {@link IOException} if the stream ends first.
   *
   * @return the future URL
   */
  public CompletableFuture<URI> url() {
    return url;
  }

  /**
   * The last lines read before the URL (for error messages).
   *
   * @return up to ten lines
   */
  public synchronized List<String> tail() {
    return List.copyOf(tail);
  }

  /**
   * Parses one line.
   *
   * @param line a line of stderr
   * @return the CDP URL, if the line announces it
   */
  public static Optional<URI> parse(String line) {
    int at = line.indexOf(PREFIX);
    if (at < 0) {
      return Optional.empty();
    }
    String rest = line.substring(at + PREFIX.length()).trim();
    if (!rest.startsWith("ws://") && !rest.startsWith("wss://")) {
      return Optional.empty();
    }
    try {
      return Optional.of(URI.create(rest));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void drain(InputStream stderr) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!url.isDone()) {
          Optional<URI> found = parse(line);
          if (found.isPresent()) {
            url.complete(found.get());
          } else {
            remember(line);
          }
        }
      }
    } catch (IOException e) {
      // The process ended and closed its stream; handled below.
    }
    url.completeExceptionally(new IOException("Chromium closed its error stream"));
  }

  private synchronized void remember(String line) {
    if (tail.size() == TAIL_LINES) {
      tail.removeFirst();
    }
    tail.addLast(line);
  }
}
