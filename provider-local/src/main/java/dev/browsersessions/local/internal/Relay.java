package dev.browsersessions.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A session's CDP relay: a TCP forwarder on a loopback port of its own to the browser's DevTools
 * port. HTTP ({@code /json/version}, {@code /json/list}) and WebSocket traffic pass through
 * unchanged; Chromium builds the WebSocket URLs it returns from the request's {@code Host}
 * header, so clients that start with HTTP (Playwright's {@code connectOverCDP("http://…")},
 * Selenium's {@code debuggerAddress}) stay on the relay.
 *
 * <p>Every byte a client sends counts as activity ({@link #lastClientTraffic()}); what the browser
 * sends does not, so a page busy on its own does not keep an undriven session alive. On Linux,
 * a connection from a process of another user is refused ({@link LoopbackPeers}).
 */
public final class Relay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Relay.class.getName());
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final ServerSocket server;
  private final int browserPort;
  private final Clock clock;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile Instant lastClientTraffic;
  private volatile boolean closed;

  private Relay(ServerSocket server, int browserPort, Clock clock) {
    this.server = server;
    this.browserPort = browserPort;
    this.clock = clock;
    this.lastClientTraffic = clock.instant();
  }

  /**
   * Opens a relay on a free loopback port and starts accepting.
   *
   * @param browserPort the browser's DevTools port on 127.0.0.1
   * @param name a name for its threads
   * @param clock the clock activity is stamped with
   * @return the relay
   * @throws IOException if no port can be bound
   */
  public static Relay open(int browserPort, String name, Clock clock) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    Relay relay = new Relay(server, browserPort, clock);
    daemon(relay::acceptLoop, "relay-accept-" + name).start();
    return relay;
  }

  /**
   * The relay's port.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * When a client last sent anything (the relay's opening time before that).
   *
   * @return the instant
   */
  public Instant lastClientTraffic() {
    return lastClientTraffic;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (!sameUser(client)) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket browser = new Socket();
        browser.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), browserPort),
            CONNECT_TIMEOUT_MS);
        client.setTcpNoDelay(true);
        browser.setTcpNoDelay(true);
        open.add(client);
        open.add(browser);
        daemon(() -> pump(client, browser, true), "relay-up-" + port()).start();
        daemon(() -> pump(browser, client, false), "relay-down-" + port()).start();
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private boolean sameUser(Socket client) {
    if (!LoopbackPeers.available() || PosixUser.current().isEmpty()) {
      return true; // not Linux: documented, the loopback port is the only barrier
    }
    OptionalInt uid = LoopbackPeers.ownerOf(client.getPort(), server.getLocalPort());
    boolean ok = uid.isPresent() && uid.getAsInt() == PosixUser.current().getAsInt();
    if (!ok) {
      LOG.warning("Refused a CDP connection on port " + port() + " from "
          + (uid.isPresent() ? "uid " + uid.getAsInt() : "an unknown process"));
    }
    return ok;
  }

  private void pump(Socket from, Socket to, boolean countsAsActivity) {
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (countsAsActivity && n > 0) {
          lastClientTraffic = clock.instant();
        }
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side closed; close both below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    open.forEach(Relay::closeQuietly);
    open.clear();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
