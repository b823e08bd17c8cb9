package dev.browsersessions.local.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Who is on the other end of a loopback TCP connection, on Linux: the kernel lists every IPv4
 * socket with its owner's uid in {@code /proc/net/tcp}. The connecting socket is the one whose
 * local address is the peer's and whose remote address is ours.
 */
public final class LoopbackPeers {

  private static final Path TCP = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");
  private static final String LOOPBACK = "0100007F"; // 127.0.0.1, little-endian hex
  /** 127.0.0.1 as an IPv4-mapped IPv6 address, as dual-stack sockets (Java's) list it. */
  private static final String MAPPED_LOOPBACK = "0000000000000000FFFF0000" + LOOPBACK;
  private static final int MAX_LINES = 1_000_000;

  private LoopbackPeers() {}

  /**
   * Whether the table is available (Linux).
   *
   * @return {@code true} if {@code /proc/net/tcp} can be read
   */
  public static boolean available() {
    return Files.isReadable(TCP);
  }

  /**
   * The uid of the process that owns the client side of a connection to 127.0.0.1.
   *
   * @param clientPort the client's port (the accepted socket's remote port)
   * @param serverPort our listening port
   * @return the owner's uid, or empty if the connection is not listed (e.g. another network
   *     namespace) or the table cannot be read
   */
  public static OptionalInt ownerOf(int clientPort, int serverPort) {
    OptionalInt v4 = ownerIn(TCP, LOOPBACK, clientPort, serverPort);
    return v4.isPresent() ? v4 : ownerIn(TCP6, MAPPED_LOOPBACK, clientPort, serverPort);
  }

  private static OptionalInt ownerIn(Path table, String address, int clientPort, int serverPort) {
    String local = address + ":" + hexPort(clientPort);
    String remote = address + ":" + hexPort(serverPort);
    try (BufferedReader r = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
      r.readLine(); // header
      String line;
      for (int i = 0; i < MAX_LINES && (line = r.readLine()) != null; i++) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 7 && f[1].equals(local) && f[2].equals(remote)) {
          return OptionalInt.of(Integer.parseInt(f[7]));
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
    return OptionalInt.empty();
  }

  private static String hexPort(int port) {
    return String.format(Locale.ROOT, "%04X", port);
  }
}
