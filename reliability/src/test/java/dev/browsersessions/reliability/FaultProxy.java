package dev.browsersessions.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 proxy on 127.0.0.1 in front of one simulator. Each client connection
 * carries one request (answers say {@code Connection: close}); a request matching a queued
 * {@link Rule} gets that rule's fault instead of the upstream answer.
 */
final class FaultProxy implements AutoCloseable {

  /**
   * A fault the proxy can inject. All but the {@code LOST_ANSWER} ones answer instead of the
   * server, which never sees the request; {@code LOST_ANSWER} forwards the request (the server
   * acts on it) and then resets the connection instead of answering, {@code LOST_ANSWER_SLOW}
   * forwards it and then sends nothing (the client times out).
   */
  enum Fault {
    RESET_REQUEST, RESET_RESPONSE, EMPTY_REPLY, TRUNCATED_JSON, MALFORMED_JSON, HUGE_BODY_200,
    HUGE_BODY_500, SLOW_HEADERS, SLOW_BODY, S429_RETRY_AFTER, S429, S500, S502, S503, S529,
    LOST_ANSWER, LOST_ANSWER_SLOW;

    /**
     * Whether the fault holds the connection until the client's request timeout passes.
     *
     * @return for the slow faults
     */
    boolean stalls() {
      return this == SLOW_HEADERS || this == SLOW_BODY || this == LOST_ANSWER_SLOW;
    }
  }

  /** Applies {@code fault} to the next {@code times} requests whose method and path match. */
  record Rule(String method, String pathPrefix, Fault fault, int times) {}

  /** Answers 200 with this body to the next request matching method and path prefix (null: off). */
  volatile Rule bodyRule;
  volatile String customBody;
  /** Probability (0–1) of a random fast fault on any request, for the soak. */
  volatile double randomFaultRate;
  /** Fast faults the server never sees (it never acts on the faulted request). */
  static final List<Fault> FAST = List.of(Fault.RESET_REQUEST, Fault.RESET_RESPONSE,
      Fault.EMPTY_REPLY, Fault.MALFORMED_JSON, Fault.S429, Fault.S500, Fault.S502, Fault.S503,
      Fault.S529);
  /** The random faults, chosen evenly. */
  volatile List<Fault> randomFaults = FAST;

  static final long HUGE = 50L * 1024 * 1024;

  /**
   * How long a stalling fault holds the connection (or until the proxy closes): longer than any
   * request timeout a test gives a client here (DeadlineTest's 60 s), so that a stalled call ends
   * only by the client's own timeout or deadline, and a call neither cuts takes at least this.
   */
  static final Duration HOLD = Duration.ofSeconds(120);

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();
  private final java.util.Map<Rule, AtomicLong> used = new java.util.concurrent.ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  /** Bytes of the huge bodies actually written to clients. */
  final AtomicLong hugeBytesWritten = new AtomicLong();
  /** Requests answered with a fault. */
  final AtomicLong faultsInjected = new AtomicLong();

  FaultProxy(URI target) throws IOException {
    upstream = new InetSocketAddress(target.getHost(), target.getPort());
    listener = new ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "fault-proxy");
    t.setDaemon(true);
    t.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  void add(Rule rule) {
    rules.add(rule);
  }

  void clear() {
    rules.clear();
  }

  private synchronized Fault take(String method, String path) {
    double rate = randomFaultRate;
    if (rate > 0) {
      java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
      List<Fault> faults = randomFaults;
      return r.nextDouble() < rate ? faults.get(r.nextInt(faults.size())) : null;
    }
    for (Rule r : rules) {
      if ((r.method() == null || r.method().equals(method)) && path.startsWith(r.pathPrefix())) {
        long n = used.computeIfAbsent(r, k -> new AtomicLong()).incrementAndGet();
        if (n >= r.times()) {
          rules.remove(r);
        }
        return r.fault();
      }
    }
    return null;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String headText = new String(head, StandardCharsets.ISO_8859_1);
      String[] first = headText.substring(0, headText.indexOf("\r\n")).split(" ");
      int length = contentLength(headText);
      byte[] body = in.readNBytes(length);
      String path = first[1];
      OutputStream out = client.getOutputStream();
      Rule custom = bodyRule;
      if (custom != null && custom.method().equals(first[0]) && path.startsWith(custom.pathPrefix())) {
        faultsInjected.incrementAndGet();
        answer(out, 200, "", customBody);
        return;
      }
      Fault fault = take(first[0], path);
      if (fault == null) {
        forward(headText, body, out);
        return;
      }
      faultsInjected.incrementAndGet();
      inject(fault, client, headText, body, out);
    } catch (IOException e) {
      // the client went away: nothing to do
    }
  }

  private void inject(Fault fault, Socket client, String headText, byte[] body, OutputStream out)
      throws IOException {
    switch (fault) {
      case LOST_ANSWER -> {
        forward(headText, body, OutputStream.nullOutputStream());
        reset(client);
      }
      case LOST_ANSWER_SLOW -> {
        forward(headText, body, OutputStream.nullOutputStream());
        hold();
      }
      case RESET_REQUEST -> reset(client);
      case RESET_RESPONSE -> {
        write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":\"");
        reset(client);
      }
      case EMPTY_REPLY -> { }
      case TRUNCATED_JSON -> answer(out, 200, "", "{\"id\":\"abc\",\"status\":\"act");
      case MALFORMED_JSON -> answer(out, 200, "", "{not json]");
      case HUGE_BODY_200 -> huge(out, 200);
      case HUGE_BODY_500 -> huge(out, 500);
      case SLOW_HEADERS -> hold();
      case SLOW_BODY -> {
        write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
        out.flush();
        hold();
      }
      case S429_RETRY_AFTER -> answer(out, 429, "Retry-After: 1\r\n", "{\"message\":\"slow down\"}");
      case S429 -> answer(out, 429, "", "{\"message\":\"slow down\"}");
      case S500 -> answer(out, 500, "", "{\"message\":\"boom\"}");
      case S502 -> answer(out, 502, "", "<html>bad gateway</html>");
      case S503 -> answer(out, 503, "", "{\"message\":\"unavailable\"}");
      case S529 -> answer(out, 529, "", "{\"message\":\"cluster overloaded\"}");
      default -> throw new IllegalStateException(fault.name());
    }
  }

  private void hold() {
    try {
      closed.await(HOLD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void huge(OutputStream out, int status) throws IOException {
    write(out, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + HUGE
        + "\r\nConnection: close\r\n\r\n");
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'a');
    chunk[0] = '"';
    for (long sent = 0; sent < HUGE; sent += chunk.length) {
      out.write(chunk);
      hugeBytesWritten.addAndGet(chunk.length);
      chunk[0] = 'a';
    }
    out.flush();
  }

  private static void reset(Socket client) throws IOException {
    client.setSoLinger(true, 0);
    client.close();
  }

  private static void answer(OutputStream out, int status, String headers, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    write(out, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n" + headers
        + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n");
    out.write(b);
    out.flush();
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private void forward(String headText, byte[] body, OutputStream out) throws IOException {
    try (Socket up = new Socket()) {
      up.connect(upstream, 5_000);
      up.setSoTimeout(30_000);
      OutputStream upOut = up.getOutputStream();
      write(upOut, withClose(headText));
      upOut.write(body);
      upOut.flush();
      InputStream upIn = up.getInputStream();
      byte[] respHead = readHead(upIn);
      if (respHead == null) {
        return;
      }
      write(out, withClose(new String(respHead, StandardCharsets.ISO_8859_1)));
      upIn.transferTo(out);
      out.flush();
    }
  }

  /** Replaces any Connection header with {@code Connection: close}. */
  private static String withClose(String head) {
    StringBuilder b = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("connection:")
          || line.toLowerCase(Locale.ROOT).startsWith("upgrade:")
          || line.toLowerCase(Locale.ROOT).startsWith("http2-settings:")) {
        continue;
      }
      b.append(line).append("\r\n");
    }
    return b.append("Connection: close\r\n\r\n").toString();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }

  /** Reads up to and including the blank line; null at end of stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int state = 0;
    int c;
    while ((c = in.read()) != -1) {
      b.write(c);
      state = (c == '\r' && (state == 0 || state == 2)) ? state + 1
          : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) {
        return b.toByteArray();
      }
      if (b.size() > 65_536) {
        throw new IOException("head too long");
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    listener.close();
  }
}
