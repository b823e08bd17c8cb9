package dev.browsersessions.local.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal CDP client on the JDK's WebSocket: sends a command, waits (bounded) for the answer
 * with the same id. Answers are returned as JSON text; callers pick values with {@link #find}.
 * Used on the provider's own browser only.
 */
public final class CdpConnection implements AutoCloseable {

  private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");

  private final Duration timeout;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
  private volatile WebSocket socket;

  private CdpConnection(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Connects.
   *
   * @param url a browser or page WebSocket URL
   * @param timeout the deadline for the connect and for each command
   * @return the connection
   * @throws IOException if it cannot connect in time
   */
  public static CdpConnection open(URI url, Duration timeout) throws IOException {
    CdpConnection conn = new CdpConnection(timeout);
    StringBuilder text = new StringBuilder();
    WebSocket.Listener listener = new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          conn.dispatch(text.toString());
          text.setLength(0);
        }
        w.request(1);
        return null;
      }
    };
    try {
      conn.socket = HttpClient.newBuilder().connectTimeout(timeout).build()
          .newWebSocketBuilder().connectTimeout(timeout)
          .buildAsync(url, listener)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return conn;
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot open CDP connection to " + url.getHost() + ":" + url.getPort()
          + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Sends a command and waits for its answer.
   *
   * @param method e.g. {@code Runtime.evaluate}
   * @param paramsJson the params object as JSON, e.g. {@code {"expression":"1"}}
   * @param sessionId the flattened target session, or {@code null} for the browser
   * @return the whole answer message
   * @throws IOException on an error answer, a closed connection or no answer in time
   */
  public String send(String method, String paramsJson, String sessionId) throws IOException {
    int id = nextId.incrementAndGet();
    CompletableFuture<String> answer = new CompletableFuture<>();
    pending.put(id, answer);
    String msg = "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson
        + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
    try {
      socket.sendText(msg, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      String reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.contains("\"error\":{")) {
        throw new IOException(method + " failed: " + reply);
      }
      return reply;
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(method + ": no answer (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  /**
   * Evaluates an expression in a page and returns its string value.
   *
   * @param sessionId the page's flattened session
   * @param expression a JavaScript expression whose value is a string
   * @return the value
   * @throws IOException if the page does not answer
   */
  public String evaluate(String sessionId, String expression) throws IOException {
    String reply = send("Runtime.evaluate", "{\"expression\":" + quote(expression)
        + ",\"returnByValue\":true,\"awaitPromise\":true}", sessionId);
    return find(reply, "\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").orElseThrow(
        () -> new IOException("no string value in " + reply));
  }

  /**
   * Attaches to the first page target (flattened).
   *
   * @return the page's session id
   * @throws IOException if there is no page
   */
  public String attachToFirstPage() throws IOException {
    String targets = send("Target.getTargets", "{}", null);
    String targetId = find(targets, "\"targetId\":\"([0-9A-Fa-f]+)\",\"type\":\"page\"")
        .orElseThrow(() -> new IOException("the browser has no page"));
    String attached = send("Target.attachToTarget",
        "{\"targetId\":\"" + targetId + "\",\"flatten\":true}", null);
    return find(attached, "\"sessionId\":\"([0-9A-Fa-f]+)\"")
        .orElseThrow(() -> new IOException("no session in " + attached));
  }

  /**
   * The first group of a pattern in a text.
   *
   * @param text the text
   * @param regex a pattern with one group
   * @return the group, if it matched
   */
  public static Optional<String> find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * A JSON string literal.
   *
   * @param s the text
   * @return it quoted and escaped
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private void dispatch(String message) {
    Matcher m = ID.matcher(message);
    if (m.find()) {
      CompletableFuture<String> f = pending.get(Integer.parseInt(m.group(1)));
      if (f != null) {
        f.complete(message);
      }
    }
  }

  @Override
  public void close() {
    socket.abort();
    pending.values().forEach(f -> f.completeExceptionally(new IOException("closed")));
  }
}
