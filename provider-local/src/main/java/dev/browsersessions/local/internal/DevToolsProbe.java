package dev.browsersessions.local.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a browser's DevTools endpoint ({@code /json/version}) whether it answers, and as what.
 *
 * <p>One plain HTTP/1.1 request on a socket of its own, closed before the call returns: no
 * client object, no thread, nothing that could outlive the provider (the JDK's {@code HttpClient}
 * keeps a selector thread per client on Java 17).
 */
public final class DevToolsProbe {

  /** The most of an answer read; {@code /json/version} is a few hundred bytes. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  private static final Pattern BROWSER = Pattern.compile("\"Browser\"\\s*:\\s*\"([^\"]*)\"");

  private final Duration timeout;

  /**
   * Creates a probe.
   *
   * @param timeout how long one probe may take to connect, and then to read the answer
   */
  public DevToolsProbe(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Probes the browser behind a CDP URL.
   *
   * @param cdpUrl e.g. {@code ws://127.0.0.1:PORT/devtools/browser/UUID}
   * @return the browser's product string (e.g. {@code HeadlessChrome/156.0…}) if it answered
   */
  public Optional<String> browserVersion(URI cdpUrl) {
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(cdpUrl.getHost(), cdpUrl.getPort()), millis);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /json/version HTTP/1.1\r\nHost: " + cdpUrl.getHost() + ":"
          + cdpUrl.getPort() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = readAnswer(socket, System.nanoTime() + timeout.toNanos());
      if (!answer.startsWith("HTTP/1.1 200") && !answer.startsWith("HTTP/1.0 200")) {
        return Optional.empty();
      }
      Matcher m = BROWSER.matcher(answer);
      return Optional.of(m.find() ? m.group(1) : "unknown");
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads until the body announced by Content-Length is complete, the end, the cap or the
   * deadline (a {@link java.net.SocketTimeoutException}).
   */
  private static String readAnswer(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    int n;
    while (bytes.size() < MAX_ANSWER_BYTES) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new java.net.SocketTimeoutException("no complete answer in time");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      if ((n = in.read(buf)) <= 0) {
        break;
      }
      bytes.write(buf, 0, n);
      String text = bytes.toString(StandardCharsets.UTF_8);
      int headerEnd = text.indexOf("\r\n\r\n");
      if (headerEnd >= 0) {
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d{1,6})\\s*$")
            .matcher(text.substring(0, headerEnd));
        if (length.find() && bytes.size() >= headerEnd + 4 + Integer.parseInt(length.group(1))) {
          break;
        }
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
