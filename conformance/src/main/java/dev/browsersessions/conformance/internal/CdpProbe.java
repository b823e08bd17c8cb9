package dev.browsersessions.conformance.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
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
 * A minimal Chrome DevTools Protocol client on the JDK's {@link WebSocket}, for the kit's
 * applied-in-the-browser rules: it sends a command, waits (bounded) for the answer with the same
 * id and reads single fields out of it. Answers come from outside and are read defensively:
 * bounded in size, every wait has a deadline.
 */
public final class CdpProbe implements AutoCloseable {

  private static final int MAX_MESSAGE_CHARS = 1 << 20;
  private static final Pattern ANSWER_ID = Pattern.compile("^\\{\"id\":(\\d+)");

  private final WebSocket socket;
  private final Duration timeout;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

  private CdpProbe(WebSocket socket, Duration timeout) {
    this.socket = socket;
    this.timeout = timeout;
  }

  /**
   * Connects to a browser's CDP WebSocket URL.
   *
   * @param url a {@code ws:} or {@code wss:} URL
   * @param timeout the deadline for connecting and for each command
   * @return the connected probe
   * @throws AssertionError naming the URL when the connection fails
   */
  public static CdpProbe connect(URI url, Duration timeout) {
    Listener listener = new Listener();
    try {
      WebSocket socket = HttpClient.newBuilder().connectTimeout(timeout).build()
          .newWebSocketBuilder().connectTimeout(timeout)
          .buildAsync(url, listener)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      CdpProbe probe = new CdpProbe(socket, timeout);
      listener.probe = probe;
      return probe;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while connecting to " + url, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("cannot open a CDP WebSocket to " + url + ": " + e, e);
    }
  }

  /**
   * Sends a command and returns its answer's text.
   *
   * @param method e.g. {@code Browser.getVersion}
   * @param params the parameters as a JSON object
   * @param sessionId the flattened target session, or {@code null} for the browser
   * @return the whole answer
   * @throws AssertionError on an error answer or when no answer comes within the timeout
   */
  public String call(String method, String params, String sessionId) {
    int id = nextId.incrementAndGet();
    CompletableFuture<String> answer = new CompletableFuture<>();
    pending.put(id, answer);
    String message = "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params
        + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
    try {
      socket.sendText(message, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      String text = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (text.contains("\"error\":")) {
        throw new AssertionError(method + " failed: " + shorten(text));
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted during " + method, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(method + " got no answer within " + timeout + ": " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  /**
   * Attaches to a page of the browser (the first one, or a new blank one) and evaluates an
   * expression in it.
   *
   * @param expression JavaScript whose value is a string or a number
   * @return the value as text
   */
  public String evaluateInPage(String expression) {
    String targets = call("Target.getTargets", "{}", null);
    Matcher page = Pattern.compile("\\{\"targetId\":\"([^\"]+)\",\"type\":\"page\"")
        .matcher(targets);
    String targetId = page.find() ? page.group(1)
        : field(call("Target.createTarget", "{\"url\":\"about:blank\"}", null), "targetId");
    String session = field(call("Target.attachToTarget",
        "{\"targetId\":\"" + targetId + "\",\"flatten\":true}", null), "sessionId");
    String answer = call("Runtime.evaluate",
        "{\"expression\":\"" + expression + "\",\"returnByValue\":true}", session);
    Matcher number = Pattern.compile("\"value\":(-?\\d+(?:\\.\\d+)?)").matcher(answer);
    return number.find() ? number.group(1) : field(answer, "value");
  }

  /**
   * Reads one string field of a CDP answer.
   *
   * @param json the answer
   * @param name the field
   * @return its unescaped value
   * @throws AssertionError when the field is missing
   */
  public static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"((?:[^\"\\\\]|\\\\.)*)\"")
        .matcher(json);
    if (!m.find()) {
      throw new AssertionError("CDP answer has no string field '" + name + "': "
          + shorten(json));
    }
    return unescape(m.group(1));
  }

  @Override
  public void close() {
    socket.abort();
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (i + 4 < s.length()) {
            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private void answer(String text) {
    Matcher m = ANSWER_ID.matcher(text);
    if (m.find()) {
      CompletableFuture<String> f = pending.get(Integer.parseInt(m.group(1)));
      if (f != null) {
        f.complete(text);
      }
    }
  }

  /** Joins message parts; passes answers on; drops events and oversized messages. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder parts = new StringBuilder();
    private volatile CdpProbe probe;
    private boolean oversized;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (parts.length() + data.length() > MAX_MESSAGE_CHARS) {
        oversized = true;
      } else if (!oversized) {
        parts.append(data);
      }
      if (last) {
        CdpProbe p = probe;
        if (!oversized && p != null) {
          p.answer(parts.toString());
        }
        parts.setLength(0);
        oversized = false;
      }
      webSocket.request(1);
      return null;
    }
  }
}
