package dev.browsersessions.local.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal CDP client: sends a command and reads (bounded in time and size) until the answer
 * with the same id, skipping events. Answers are returned as JSON text; callers pick values with
 * {@link #find}. Used on the provider's own browser only, from one thread at a time.
 *
 * <p>It speaks WebSocket (RFC 6455, text frames) on a socket of its own, read by the calling
 * thread: no client object and no thread that could outlive {@link #close()} (the JDK's {@code
 * HttpClient} keeps a selector thread per client on Java 17).
 */
public final class CdpConnection implements AutoCloseable {

  /** The largest message read; CDP answers used here are a few kilobytes. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_HANDSHAKE_BYTES = 16 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");

  private final Duration timeout;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private int nextId;

  private CdpConnection(Duration timeout, Socket socket) throws IOException {
    this.timeout = timeout;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * Connects.
   *
   * @param url a browser or page WebSocket URL ({@code ws://host:port/path})
   * @param timeout the deadline for the connect with its handshake, and for each command
   * @return the connection
   * @throws IOException if it cannot connect in time
   */
  public static CdpConnection open(URI url, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!"ws".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 0) {
      throw new IOException("not a ws://host:port URL: " + url);
    }
    Socket socket = new Socket();
    try {
      int millis = millis(timeout);
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), millis);
      socket.setSoTimeout(millis);
      socket.setTcpNoDelay(true);
      CdpConnection conn = new CdpConnection(timeout, socket);
      conn.handshake(url, deadline);
      return conn;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw new IOException("cannot open CDP connection to " + url.getHost() + ":" + url.getPort()
          + ": " + e, e);
    }
  }

  private void handshake(URI url, long deadline) throws IOException {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0D0A0D0A) { // the blank line after the headers
      if (head.size() >= MAX_HANDSHAKE_BYTES) {
        throw new IOException("no WebSocket handshake answer");
      }
      int b = readByte(deadline);
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    String answer = head.toString(StandardCharsets.ISO_8859_1);
    if (!answer.startsWith("HTTP/1.1 101")) {
      throw new IOException("WebSocket handshake refused: " + answer.lines().findFirst()
          .orElse(""));
    }
    String expected = accept(key);
    if (find(answer, "(?im)^sec-websocket-accept:\\s*(\\S+)\\s*$").filter(expected::equals)
        .isEmpty()) {
      throw new IOException("WebSocket handshake answer has a wrong Sec-WebSocket-Accept");
    }
  }

  private static String accept(String key) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
          .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JDK", e);
    }
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
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
    return send(method, paramsJson, sessionId, System.nanoTime() + timeout.toNanos());
  }

  /**
   * Sends a command and waits for its answer until a deadline the caller set, e.g. one that also
   * bounded {@link #open}.
   *
   * @param method e.g. {@code Runtime.evaluate}
   * @param paramsJson the params object as JSON
   * @param sessionId the flattened target session, or {@code null} for the browser
   * @param deadline the {@link System#nanoTime()} by which the answer must have been read
   * @return the whole answer message
   * @throws IOException on an error answer, a closed connection or no answer by the deadline
   */
  public synchronized String send(String method, String paramsJson, String sessionId,
      long deadline) throws IOException {
    int id = ++nextId;
    String msg = "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson
        + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
    try {
      writeFrame(0x1, msg.getBytes(StandardCharsets.UTF_8));
      while (true) {
        String reply = readMessage(deadline);
        Matcher m = ID.matcher(reply);
        if (m.find() && Integer.parseInt(m.group(1)) == id) {
          if (reply.contains("\"error\":{")) {
            throw new IOException(method + " failed: " + reply);
          }
          return reply;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new IOException(method + ": no answer in time", e);
    }
  }

  /** Reads the next text message, answering pings; events and binary messages are read too. */
  private String readMessage(long deadline) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int b0 = readByte(deadline);
      int b1 = readByte(deadline);
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0F;
      long length = b1 & 0x7F;
      if (length == 126) {
        length = (readByte(deadline) << 8) | readByte(deadline);
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | readByte(deadline);
        }
      }
      if (length < 0 || message.size() + length > MAX_MESSAGE_BYTES) {
        throw new IOException("CDP message larger than " + MAX_MESSAGE_BYTES + " bytes");
      }
      byte[] mask = (b1 & 0x80) != 0 ? readBytes(4, deadline) : null;
      byte[] payload = readBytes((int) length, deadline);
      if (mask != null) {
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
      }
      switch (opcode) {
        case 0x8 -> throw new IOException("the browser closed the CDP connection");
        case 0x9 -> writeFrame(0xA, payload);
        case 0xA -> { } // an answer to a ping we never send
        default -> {
          message.write(payload, 0, payload.length);
          if (fin) {
            return message.toString(StandardCharsets.UTF_8);
          }
        }
      }
    }
  }

  private int readByte(long deadline) throws IOException {
    return readBytes(1, deadline)[0] & 0xFF;
  }

  /**
   * Reads exactly {@code n} bytes by a deadline for all of them (a peer sending a byte at a time
   * cannot stretch it), in chunks, so that a length a peer declares reserves nothing ahead.
   */
  private byte[] readBytes(int n, long deadline) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(n, 8192));
    byte[] chunk = new byte[Math.min(n, 8192)];
    while (bytes.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("deadline passed");
      }
      socket.setSoTimeout(millis(Duration.ofNanos(left)));
      int r = in.read(chunk, 0, Math.min(chunk.length, n - bytes.size()));
      if (r < 0) {
        throw new IOException("the browser closed the CDP connection");
      }
      bytes.write(chunk, 0, r);
    }
    return bytes.toByteArray();
  }

  /** Writes one final frame, masked as a client must. */
  private void writeFrame(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (((long) payload.length >>> shift) & 0xFF));
      }
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
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

  /** Says goodbye (best effort) and closes the socket. */
  @Override
  public synchronized void close() {
    try {
      writeFrame(0x8, new byte[0]);
    } catch (IOException e) {
      // closing anyway
    }
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
