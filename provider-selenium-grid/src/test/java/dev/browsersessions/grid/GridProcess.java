package dev.browsersessions.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One Selenium Grid 4.47.0 process (standalone, hub or node), run as a child JVM from the test
 * class path (where Maven put {@code selenium-grid}), with Debian's chromedriver and Chromium
 * (its headless shell when installed: the same engine, started 2–3 times faster), offline (no Selenium Manager, no statistics), on free loopback ports. Readiness is the Grid's
 * own log line, awaited on a latch. {@link #close()} ends the process and every browser and
 * driver it started. Public, and published in this module's test-jar, for the CLI's jar test.
 */
public final class GridProcess implements AutoCloseable {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /**
   * Debian's {@code chromium-headless-shell} (package of the same name, same version as
   * chromedriver): the nodes' browser when installed. Each kit rule starts real browsers, and this
   * one starts in about 0.4 s where Chromium takes 1 s on the loaded 2-core build machine; it has
   * no headful mode, which no test asks for. The binary itself, not {@code /usr/bin}'s wrapper
   * script: the wrapper does not {@code exec} it, so chromedriver's quit would end the script and
   * orphan the browser, and {@code DELETE /session} would wait for it.
   */
  static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");
  /** The browser the nodes start. */
  static final Path BROWSER = Files.isExecutable(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM;
  private static final java.time.Duration START_TIMEOUT = java.time.Duration.ofSeconds(90);

  private final Process process;
  private final String role;
  private final int port;
  private final Deque<String> lastLines = new ArrayDeque<>();
  private final List<Watch> watches = new ArrayList<>();

  private record Watch(Predicate<String> line, CountDownLatch latch) {}

  private Predicate<String> ready = line -> true;
  /** Browsers this process started (its "Session created by the Node" lines). */
  private final java.util.concurrent.atomic.AtomicInteger browsers =
      new java.util.concurrent.atomic.AtomicInteger();

  private GridProcess(String role, int port, List<String> args, Path dir) throws IOException {
    this.role = role;
    this.port = port;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    // C1 only and the serial collector: a Grid that starts and serves faster on 2 busy cores
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(classPath());
    command.add("org.openqa.selenium.grid.Main");
    command.add(role);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("SE_OFFLINE", "true");
    pb.environment().put("SE_AVOID_STATS", "true");
    this.process = pb.start();
    Thread reader = new Thread(this::pump, "grid-" + role + "-" + port + "-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** A standalone Grid (router and node in one) with {@code maxSessions} Chrome slots. */
  public static GridProcess standalone(Path dir, int maxSessions) {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port",
        String.valueOf(port), "--selenium-manager", "false", "--config",
        nodeConfig(dir, "standalone", maxSessions).toString()));
    return start("standalone", port, args, dir, line -> line.contains("Started Selenium Standalone"));
  }

  /** A hub whose new-session requests wait at most {@code queueSeconds} for a slot. */
  static GridProcess hub(Path dir, int publish, int subscribe, int queueSeconds) {
    int port = freePort();
    List<String> args = List.of("--host", "127.0.0.1", "--port", String.valueOf(port),
        "--publish-events", "tcp://127.0.0.1:" + publish,
        "--subscribe-events", "tcp://127.0.0.1:" + subscribe,
        "--session-request-timeout", String.valueOf(queueSeconds),
        "--session-retry-interval", "1");
    return start("hub", port, args, dir, line -> line.contains("Started Selenium Hub"));
  }

  /**
   * Starts a node of {@code hub} with {@code maxSessions} Chrome slots, without waiting: call
   * {@link #awaitReady()} (nodes start side by side).
   */
  static GridProcess launchNode(Path dir, GridProcess hub, int publish, int subscribe,
      int maxSessions, String name) {
    int port = freePort();
    List<String> args = List.of("--host", "127.0.0.1", "--port", String.valueOf(port),
        "--publish-events", "tcp://127.0.0.1:" + publish,
        "--subscribe-events", "tcp://127.0.0.1:" + subscribe,
        "--grid-url", hub.url().toString(), "--register-cycle", "1",
        "--selenium-manager", "false",
        "--config", nodeConfig(dir, name, maxSessions).toString());
    return launch("node", port, args, dir, line -> line.contains("Started Selenium node"));
  }

  /** Waits until a log line matching {@code line} was printed (or was already). */
  void await(Predicate<String> line, String what) {
    CountDownLatch latch = new CountDownLatch(1);
    synchronized (lastLines) {
      if (lastLines.stream().anyMatch(line)) {
        return;
      }
      watches.add(new Watch(line, latch));
    }
    boolean ok;
    try {
      ok = latch.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    }
    if (!ok) {
      throw new IllegalStateException("Grid " + role + " on port " + port + ": no '" + what
          + "' within " + START_TIMEOUT + "; last output:\n" + output());
    }
  }

  /** Waits until {@code n} log lines containing {@code text} were printed. */
  void awaitLines(String text, int n) {
    java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
    await(line -> line.contains(text) && seen.incrementAndGet() >= n, n + " x '" + text + "'");
  }

  /** The router's address. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String output() {
    synchronized (lastLines) {
      return String.join("\n", lastLines);
    }
  }

  /** Kills the process at once (SIGKILL), as a crashed machine would; its browsers too. */
  void kill() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    waitGone(process.toHandle());
  }

  @Override
  public void close() {
    keepLog();
    if (!role.equals("hub")) {
      System.out.println("[grid] " + role + " on port " + port + " started " + browsers.get()
          + " browsers");
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy(); // SIGTERM: the Grid ends its sessions before it exits
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    for (ProcessHandle c : children) {
      c.destroyForcibly();
    }
    waitGone(process.toHandle());
    children.forEach(GridProcess::waitGone);
  }

  /** Keeps the last lines of output in target/grid-logs for a failing run's diagnosis. */
  private void keepLog() {
    try {
      Path logs = Files.createDirectories(Path.of("target", "grid-logs"));
      Files.writeString(logs.resolve(role + "-" + port + ".log"), output());
    } catch (IOException | RuntimeException e) {
      // diagnostics only
    }
  }

  private static void waitGone(ProcessHandle h) {
    try {
      h.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // reported by the caller's own checks; never hang a test on a zombie
    }
  }

  private static GridProcess start(String role, int port, List<String> args, Path dir,
      Predicate<String> ready) {
    GridProcess p = launch(role, port, args, dir, ready);
    p.awaitReady();
    return p;
  }

  /** Starts the process without waiting for it: several start side by side. */
  private static GridProcess launch(String role, int port, List<String> args, Path dir,
      Predicate<String> ready) {
    try {
      GridProcess p = new GridProcess(role, port, args, dir);
      p.ready = ready;
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the process said it is ready; closes it if it does not. */
  void awaitReady() {
    try {
      await(ready, role + " ready");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.contains("Session created by the Node")) {
          browsers.incrementAndGet();
        }
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > 400) {
            lastLines.removeFirst();
          }
          for (Watch w : List.copyOf(watches)) {
            if (w.line().test(line)) {
              w.latch().countDown();
              watches.remove(w);
            }
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /**
   * The node's Chrome slots: Debian's chromedriver, {@link #BROWSER}, and the flags a root user on
   * a machine without a display needs. Headless is asked for by the provider, per session.
   */
  static Path nodeConfig(Path dir, String name, int maxSessions) {
    String toml = "[node]\n"
        + "detect-drivers = false\n"
        + "max-sessions = " + maxSessions + "\n"
        + "override-max-sessions = true\n"
        + "[[node.driver-configuration]]\n"
        + "display-name = \"chrome\"\n"
        + "webdriver-executable = \"" + CHROMEDRIVER + "\"\n"
        + "max-sessions = " + maxSessions + "\n"
        + "stereotype = '{\"browserName\": \"chrome\", \"platformName\": \"linux\","
        + " \"goog:chromeOptions\": {\"binary\": \"" + BROWSER + "\", \"args\": [\"--no-sandbox\","
        + " \"--disable-gpu\", \"--disable-dev-shm-usage\", \"--disable-background-networking\","
        + " \"--disable-component-update\", \"--disable-sync\", \"--no-first-run\"]}}'\n";
    try {
      Path file = dir.resolve(name + "-node.toml");
      Files.writeString(file, toml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return cp;
  }

  /** Whether this machine can run the Grid's Chrome slots. */
  public static boolean available() {
    return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(BROWSER);
  }
}
