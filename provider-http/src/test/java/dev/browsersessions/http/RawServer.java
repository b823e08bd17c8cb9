package dev.browsersessions.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on a raw socket, for the failures {@code com.sun.net.httpserver}
 * cannot produce: headers then a stalled body, a reset or an end of stream after the headers, a
 * body larger than announced limits. Stalls wait on a latch released by {@link #close()}.
 */
final class RawServer implements AutoCloseable {

  /** What the server does with one request. */
  enum Act {
    /** 200 with a whole JSON body; the connection stays open. */
    OK,
    /** 200 whose body is malformed JSON, sent whole. */
    MALFORMED,
    /** 200 headers announcing 100 bytes, 5 of them, then nothing until {@link #close()}. */
    STALL_BODY,
    /**
     * 200 headers announcing {@link #HUGE_DECLARED} bytes (under the 2xx limit), 5 of them, then
     * nothing until {@link #close()}.
     */
    STALL_HUGE_DECLARED,
    /**
     * 200 headers and part of the body, then a TCP reset (which may reach the client before it
     * read the headers).
     */
    RESET_AFTER_HEADERS,
    /** 200 headers announcing 100 bytes, 5 of them, then the connection is closed. */
    EOF_AFTER_HEADERS,
    /** 200 with a JSON string body of 16 MiB + 2 bytes. */
    HUGE_200,
    /** 500 with a JSON string body of 16 MiB + 2 bytes. */
    HUGE_500
  }

  /** The length {@link Act#STALL_HUGE_DECLARED} declares: about 16 MB. */
  static final int HUGE_DECLARED = 16_000_000;

  private final ServerSocket socket;
  private final ConcurrentLinkedQueue<Act> script = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  /** Requests received, in order (request lines). */
  final List<String> received = new CopyOnWriteArrayList<>();
  /** Stalled answers waiting on the latch. */
  final AtomicInteger stalled = new AtomicInteger();


  RawServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "raw-server-accept");
    accept.setDaemon(true);
    accept.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  RawServer then(Act... acts) {
    script.addAll(List.of(acts));
    return this;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "raw-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      while (readRequest(in)) {
        Act act = script.poll();
        if (act == null) {
          act = Act.OK;
        }
        if (!answer(act, s, out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the server closes
    }
  }

  private boolean answer(Act act, Socket s, OutputStream out)
      throws IOException, InterruptedException {
    switch (act) {
      case OK -> {
        write(out, "{\"ok\":1}", 8);
        return true;
      }
      case MALFORMED -> {
        write(out, "{\"ok\":", 6);
        return true;
      }
      case STALL_BODY, STALL_HUGE_DECLARED -> {
        write(out, "{\"ok\"", act == Act.STALL_BODY ? 100 : HUGE_DECLARED);
        stalled.incrementAndGet();
        changed();
        release.await(60, TimeUnit.SECONDS);
        return false;
      }
      case RESET_AFTER_HEADERS -> {
        write(out, "{\"ok\"", 100);
        s.setSoLinger(true, 0); // close() now sends RST
        return false;
      }
      case HUGE_200, HUGE_500 -> {
        huge(out, act == Act.HUGE_200 ? 200 : 500);
        return false;
      }
      default -> {
        write(out, "{\"ok\"", 100);
        s.shutdownOutput(); // EOF after 5 of the 100 announced bytes
        return false;
      }
    }
  }

  private static void huge(OutputStream out, int status) throws IOException {
    int size = VendorHttp.MAX_SUCCESS_BODY;
    out.write(("HTTP/1.1 " + status + " Huge\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + (size + 2) + "\r\n\r\n\"").getBytes(StandardCharsets.UTF_8));
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    for (int sent = 0; sent < size; sent += chunk.length) {
      out.write(chunk); // fails once the client closed the connection
    }
    out.write('"');
    out.flush();
  }

  private static void write(OutputStream out, String body, int announced) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + announced
        + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one request (head and a Content-Length body); false at the end of the stream. */
  private boolean readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    received.add(text.substring(0, text.indexOf('\r')));
    changed();
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).trim()));
      }
    }
    return true;
  }

  /**
   * Waits until the server has seen {@code n} requests and {@code stalls} stalled answers (the
   * client may give up before the server got round to recording them).
   *
   * @return whether it did within 10 s
   */
  synchronized boolean awaitSeen(int n, int stalls) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.size() < n || stalled.get() < stalls) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private synchronized void changed() {
    notifyAll();
  }

  @Override
  public void close() {
    release.countDown();
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
