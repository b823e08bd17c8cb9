package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The version probe is bounded by one deadline for the whole exchange (connect, handshake,
 * command and answer), whatever the peer does.
 * (That it reads a real browser's version is checked on real Chromium by LocalBrowserTest.)
 */
class DevToolsProbeTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private ServerSocket server;
  private volatile String requestHead = "";

  @AfterEach
  void closeServer() throws IOException {
    release.countDown();
    server.close();
  }

  /** What the peer does once it has read the request, until the test ends. */
  private interface Peer {
    void answer(OutputStream out) throws IOException, InterruptedException;
  }

  /** Accepts one connection, reads the request's head, then lets {@code peer} answer. */
  private URI serve(Peer peer) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        int last4 = 0;
        StringBuilder head = new StringBuilder();
        while (last4 != 0x0D0A0D0A) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          head.append((char) b);
          last4 = (last4 << 8) | b;
        }
        requestHead = head.toString();
        peer.answer(s.getOutputStream());
        release.await(30, TimeUnit.SECONDS); // the connection stays open
      } catch (IOException | InterruptedException e) {
        // the test ended
      }
    }, "probe-test-server");
    t.setDaemon(true);
    t.start();
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/devtools/browser/x");
  }

  @Test
  void anEndpointThatNeverFinishesItsHandshakeGivesNothingWithinTheTimeout() throws Exception {
    URI url = serve(out -> {
      out.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    });
    assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        assertThat(new DevToolsProbe(Duration.ofMillis(300)).browserVersion(url)).isEmpty());
  }

  @Test
  void anEndpointThatTricklesItsAnswerCannotStretchTheTimeout() throws Exception {
    // One byte every 100 ms: each read is quick, so only a deadline for the whole exchange ends
    // it (a per-read timeout would wait 16 KiB x 100 ms, about half an hour).
    URI url = serve(out -> {
      for (int i = 0; i < 200 && release.getCount() > 0; i++) {
        out.write('x');
        out.flush();
        release.await(100, TimeUnit.MILLISECONDS);
      }
    });
    assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        assertThat(new DevToolsProbe(Duration.ofMillis(500)).browserVersion(url)).isEmpty());
  }

  @Test
  void aSlowHandshakeLeavesTheCommandOnlyWhatIsLeftOfTheOneTimeout() throws Exception {
    // The handshake is answered after 1.8 s of a 2 s timeout, the command never: the probe gives
    // up at 2 s, not at 1.8 s plus a fresh 2 s for the command.
    URI url = serve(out -> {
      release.await(1800, TimeUnit.MILLISECONDS);
      String key = requestHead.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
          .findFirst().orElseThrow().substring("sec-websocket-key:".length()).trim();
      String accept;
      try {
        accept = java.util.Base64.getEncoder().encodeToString(
            java.security.MessageDigest.getInstance("SHA-1").digest(
                (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                    .getBytes(StandardCharsets.ISO_8859_1)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IOException(e);
      }
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    });
    long start = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        assertThat(new DevToolsProbe(Duration.ofSeconds(2)).browserVersion(url)).isEmpty());
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("one deadline for the whole exchange").isLessThan(Duration.ofMillis(3000));
  }

  @Test
  void aRefusedHandshakeGivesNothing() throws Exception {
    URI url = serve(out -> {
      out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    });
    assertThat(new DevToolsProbe(Duration.ofSeconds(5)).browserVersion(url)).isEmpty();
  }
}
