package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold {@code BrowserSessions.create("notte", ...)} (ServiceLoader discovery and the first provider
 * build) in fresh JVMs. The child prints the nanoseconds the call took.
 */
public final class ColdStart {

  private ColdStart() {
  }

  /**
   * Child entry point: times one cold create and prints nanoseconds.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    try (BrowserSessions lib = BrowserSessions.create("notte",
        Vendors.notte(URI.create("http://127.0.0.1:9")))) {
      long t = System.nanoTime() - t0;
      System.out.println(t + " " + lib.provider());
    }
  }

  /**
   * Spawns fresh JVMs and returns the sorted timings in milliseconds.
   *
   * @param runs how many JVMs
   * @return [create ms list, whole-JVM ms list]
   * @throws Exception if a child fails
   */
  public static List<List<Double>> measure(int runs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Double> create = new ArrayList<>();
    List<Double> jvm = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ColdStart.class.getName()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("cold-start child failed: " + out);
      }
      jvm.add((System.nanoTime() - t0) / 1e6);
      String last = out.lines().reduce((a, b) -> b).orElse("");
      create.add(Long.parseLong(last.split(" ")[0]) / 1e6);
    }
    Collections.sort(create);
    Collections.sort(jvm);
    return List.of(create, jvm);
  }
}
