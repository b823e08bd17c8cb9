package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
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

/** The version probe reads exactly one answer, bounded in time, on a socket of its own. */
class DevToolsProbeTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private ServerSocket server;

  @AfterEach
  void closeServer() throws IOException {
    release.countDown();
    server.close();
  }

  /** Accepts one connection, reads the request, writes {@code answer}, keeps it open. */
  private URI serve(String answer) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          last4 = (last4 << 8) | b;
        }
        s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        release.await(30, TimeUnit.SECONDS); // like Chromium: the connection stays open
      } catch (IOException | InterruptedException e) {
        // the test ended
      }
    }, "probe-test-server");
    t.setDaemon(true);
    t.start();
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/devtools/browser/x");
  }

  @Test
  void readsTheVersionWithoutWaitingForTheConnectionToClose() throws Exception {
    String body = "{\"Browser\": \"HeadlessChrome/156.0.1\", \"Protocol-Version\": \"1.3\"}";
    URI url = serve("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThat(new DevToolsProbe(Duration.ofSeconds(20)).browserVersion(url))
            .contains("HeadlessChrome/156.0.1"));
  }

  @Test
  void anEndpointThatNeverFinishesItsAnswerGivesNothingWithinTheTimeout() throws Exception {
    URI url = serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Browser\"");
    assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        assertThat(new DevToolsProbe(Duration.ofMillis(300)).browserVersion(url)).isEmpty());
  }
}
