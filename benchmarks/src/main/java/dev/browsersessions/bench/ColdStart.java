package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold {@code BrowserSessions.create(vendor, config)} (ServiceLoader discovery and the first
 * provider build) and the first {@code status} call after it, in fresh JVMs, against a
 * {@link CannedServer} started by the parent. The child prints both durations in nanoseconds.
 */
public final class ColdStart {

  /**
   * Sorted timings of one vendor, in milliseconds.
   *
   * @param vendor notte or stagehand
   * @param create {@code BrowserSessions.create}
   * @param firstStatus the first {@code status} call
   * @param jvm the whole child JVM, spawn to exit
   */
  public record Timings(String vendor, List<Double> create, List<Double> firstStatus,
      List<Double> jvm) {
  }

  private ColdStart() {
  }

  /**
   * Child entry point: times one cold create and the first status, prints nanoseconds.
   *
   * @param args vendor, server URL, session id
   */
  public static void main(String[] args) {
    URI url = URI.create(args[1]);
    // Built before the clock starts: the harness's own Vendors class initialises a Jackson mapper
    // (for its captured answers), which is not the library's cost.
    ProviderConfig config = Vendors.config(args[0], url, url);
    long t0 = System.nanoTime();
    try (BrowserSessions lib = BrowserSessions.create(args[0], config)) {
      long t1 = System.nanoTime();
      lib.status(args[2]);
      long t2 = System.nanoTime();
      System.out.println((t1 - t0) + " " + (t2 - t1) + " " + lib.provider());
    }
  }

  /**
   * Spawns fresh JVMs (the running JVM's {@code java} and class path) and times them.
   *
   * @param vendor notte or stagehand
   * @param runs how many JVMs
   * @param jvmFlags flags passed to each child
   * @return the timings
   * @throws Exception if a child fails
   */
  public static Timings measure(String vendor, int runs, List<String> jvmFlags) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Vendors.Answers a = Vendors.capture(vendor);
    List<Double> create = new ArrayList<>();
    List<Double> status = new ArrayList<>();
    List<Double> jvm = new ArrayList<>();
    try (CannedServer server = new CannedServer(Vendors.running(vendor, a), null)) {
      for (int i = 0; i < runs; i++) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
            ColdStart.class.getName(), vendor, server.baseUrl().toString(), a.id()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IllegalStateException("cold-start child failed: " + out);
        }
        jvm.add((System.nanoTime() - t0) / 1e6);
        String[] last = out.lines().reduce((x, y) -> y).orElse("").split(" ");
        create.add(Long.parseLong(last[0]) / 1e6);
        status.add(Long.parseLong(last[1]) / 1e6);
      }
    }
    Collections.sort(create);
    Collections.sort(status);
    Collections.sort(jvm);
    return new Timings(vendor, create, status, jvm);
  }
}
