package dev.browsersessions.conformance.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client on the JDK's {@link WebSocket}, for the kit's
 * applied-in-the-browser rules: it sends a command, waits (bounded) for the answer with the same
 * id and reads single fields out of it. Answers come from outside and are read defensively:
 * bounded in size, every wait has a deadline, and they are parsed as JSON ({@link Json}), so the
 * order and spacing of their fields do not matter.
 */
public final class CdpProbe implements AutoCloseable {

  private static final int MAX_MESSAGE_CHARS = 1 << 20;

  private final WebSocket socket;
  private final Duration timeout;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();

  /** An answer as received and as parsed, once, when it arrived. */
  private record Answer(String text, Map<String, Object> members) {}

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
    return send(method, params, sessionId).text();
  }

  private Answer send(String method, String params, String sessionId) {
    int id = nextId.incrementAndGet();
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    pending.put(id, answer);
    String message = command(id, method, params, sessionId);
    try {
      socket.sendText(message, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Answer a = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (a.members().containsKey("error")) {
        throw new AssertionError(method + " failed: " + shorten(a.text()));
      }
      return a;
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
    String targetId = firstPage(send("Target.getTargets", "{}", null).members()).orElseGet(() ->
        field(send("Target.createTarget", "{\"url\":\"about:blank\"}", null), "targetId"));
    String session = field(send("Target.attachToTarget",
        "{\"targetId\":" + Json.quote(targetId) + ",\"flatten\":true}", null), "sessionId");
    Answer value = send("Runtime.evaluate",
        "{\"expression\":" + Json.quote(expression) + ",\"returnByValue\":true}", session);
    return evaluated(value.members(), value.text());
  }

  /**
   * The text of one command. The session id, like every id taken from an answer, is put in as a
   * JSON string literal: a browser's id with a quote in it cannot break the command.
   *
   * @param id the command's id
   * @param method e.g. {@code Runtime.evaluate}
   * @param params the parameters as a JSON object
   * @param sessionId the flattened target session, or {@code null}
   * @return the JSON text
   */
  static String command(int id, String method, String params, String sessionId) {
    return "{\"id\":" + id + ",\"method\":" + Json.quote(method) + ",\"params\":" + params
        + (sessionId == null ? "" : ",\"sessionId\":" + Json.quote(sessionId)) + "}";
  }

  /**
   * The value of a {@code Runtime.evaluate} answer.
   *
   * @param answer the answer
   * @return a string value, or a number as the browser wrote it
   * @throws AssertionError when the answer holds neither
   */
  static String evaluated(String answer) {
    return evaluated(Json.object(answer), answer);
  }

  private static String evaluated(Map<String, Object> members, String text) {
    Object value = Json.first(resultOf(members), "value", Object.class);
    if (value instanceof Json.JsonNumber || value instanceof String) {
      return value.toString();
    }
    throw new AssertionError("Runtime.evaluate answered no string or number value: "
        + shorten(text));
  }

  /**
   * The id of the first page in a {@code Target.getTargets} answer, whatever the order and
   * spacing of its fields.
   *
   * @param answer the answer
   * @return the page's {@code targetId}; empty when the answer lists no page
   */
  static Optional<String> firstPage(String answer) {
    return firstPage(Json.object(answer));
  }

  private static Optional<String> firstPage(Map<String, Object> members) {
    List<?> targets = Json.first(resultOf(members), "targetInfos", List.class);
    if (targets == null) {
      return Optional.empty();
    }
    for (Object target : targets) {
      if (target instanceof Map<?, ?> t && "page".equals(t.get("type"))
          && t.get("targetId") instanceof String id) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /**
   * The id of an answer: the top-level {@code "id"} member, wherever it stands in the object and
   * however the text is spaced. Events (no id) and text that is not a JSON object have none.
   *
   * @param message a message from the browser
   * @return the id, or empty
   */
  static OptionalInt answerId(String message) {
    return answerId(Json.object(message));
  }

  private static OptionalInt answerId(Map<String, Object> members) {
    if (members.get("id") instanceof Json.JsonNumber n
        && n.text().matches("\\d{1,9}")) {
      return OptionalInt.of(Integer.parseInt(n.text()));
    }
    return OptionalInt.empty();
  }

  /**
   * Whether an answer reports a failure: it has a top-level {@code "error"} member. The word
   * inside the result (in a string, or as a member of an evaluated object) is not a failure.
   *
   * @param answer the answer
   * @return {@code true} for an error answer
   */
  static boolean isError(String answer) {
    return Json.object(answer).containsKey("error");
  }

  /**
   * Reads one string field of a CDP answer: the first member with that name and a string value,
   * in the answer's {@code result} (the whole answer when it has none), depth first.
   *
   * @param json the answer
   * @param name the field
   * @return its unescaped value
   * @throws AssertionError when the field is missing
   */
  public static String field(String json, String name) {
    return field(new Answer(json, Json.object(json)), name);
  }

  private static String field(Answer answer, String name) {
    String value = Json.first(resultOf(answer.members()), name, String.class);
    if (value == null) {
      throw new AssertionError("CDP answer has no string field '" + name + "': "
          + shorten(answer.text()));
    }
    return value;
  }

  /** Where an answer's fields are: its {@code result}, or all its members without one. */
  private static Object resultOf(Map<String, Object> members) {
    return members.get("result") != null ? members.get("result") : members;
  }

  @Override
  public void close() {
    socket.abort();
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Parses a message once; an answer to a pending command completes it with the parsed tree. */
  private void answer(String text) {
    Map<String, Object> members = Json.object(text);
    OptionalInt id = answerId(members);
    if (id.isPresent()) {
      CompletableFuture<Answer> f = pending.get(id.getAsInt());
      if (f != null) {
        f.complete(new Answer(text, members));
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
