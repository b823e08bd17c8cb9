package dev.browsersessions.conformance.selftest;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a browser's CDP WebSocket endpoint for the kit's section 12: one per JVM on
 * 127.0.0.1, started on first use. Each session registered here answers {@code
 * Browser.getVersion}, lists one page, and evaluates {@code navigator.userAgent} and the page
 * size from what was registered.
 */
final class FakeBrowser {

  /** What the page of one session shows. */
  record Page(String userAgent, int width, int height) {}

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),\"method\":\"([^\"]+)\"");
  private static final FakeBrowser INSTANCE = new FakeBrowser();

  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final ServerSocket server;

  private FakeBrowser() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "fake-browser-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Registers a session's page.
   *
   * @param sessionId the session
   * @param page what its page shows
   */
  static void register(String sessionId, Page page) {
    INSTANCE.pages.put(sessionId, page);
  }

  /**
   * A session's CDP URL.
   *
   * @param sessionId the session
   * @return its URL here
   */
  static URI url(String sessionId) {
    return URI.create("ws://127.0.0.1:" + INSTANCE.server.getLocalPort() + "/devtools/browser/"
        + sessionId);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "fake-browser-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      String request = readHeaders(in);
      Matcher path = Pattern.compile("GET /devtools/browser/(\\S+) ").matcher(request);
      Matcher key = Pattern.compile("(?i)Sec-WebSocket-Key: *(\\S+)").matcher(request);
      Page page = path.find() ? pages.get(path.group(1)) : null;
      if (page == null || !key.find()) {
        out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(
            StandardCharsets.US_ASCII));
        return;
      }
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade"
          + "\r\nSec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String message;
      while ((message = readFrame(in)) != null) {
        Matcher m = ID.matcher(message);
        if (m.find()) {
          writeFrame(out, "{\"id\":" + m.group(1) + ",\"result\":" + answer(m.group(2),
              message, page) + "}");
        }
      }
    } catch (IOException e) {
      // the probe hung up: this connection is done
    }
  }

  private static String answer(String method, String message, Page page) {
    return switch (method) {
      case "Browser.getVersion" -> "{\"product\":\"FakeBrowser/1.0\"}";
      case "Target.getTargets" -> "{\"targetInfos\":[{\"targetId\":\"page-1\",\"type\":\"page\"}]}";
      case "Target.attachToTarget" -> "{\"sessionId\":\"s-1\"}";
      case "Runtime.evaluate" -> message.contains("navigator.userAgent")
          ? "{\"result\":{\"type\":\"string\",\"value\":\"" + page.userAgent() + "\"}}"
          : "{\"result\":{\"type\":\"string\",\"value\":\"" + page.width() + "x" + page.height()
              + "\"}}";
      default -> "{}";
    };
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && b.size() < 16_384) {
      b.write(c);
      if (b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  /** Reads one (masked, unfragmented) client frame; null at close or end of stream. */
  private static String readFrame(DataInputStream in) throws IOException {
    int first = in.read();
    if (first == -1 || (first & 0x0f) == 0x8) {
      return null;
    }
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    if (length > 1 << 20) {
      return null;
    }
    byte[] mask = new byte[4];
    if ((second & 0x80) != 0) {
      in.readFully(mask);
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i % 4];
    }
    return new String(payload, StandardCharsets.UTF_8);
  }

  private static void writeFrame(OutputStream out, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    out.write(0x81);
    if (payload.length < 126) {
      out.write(payload.length);
    } else {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    }
    out.write(payload);
    out.flush();
  }

  private static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1")
          .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }
}
