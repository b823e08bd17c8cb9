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
   * @param bareFirstStatus the bare client's first status call in a fresh JVM (its
   *     {@code HttpClient} built, Jackson loaded), for reference
   */
  public record Timings(String vendor, List<Double> create, List<Double> firstStatus,
      List<Double> jvm, List<Double> bareFirstStatus) {
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
    if (args.length > 3 && args[3].equals("bare")) {
      long t0 = System.nanoTime();
      BareClients bare = new BareClients(url);
      Object answer = Operation.STATUS.bare(args[0], bare, args[2]);
      long t1 = System.nanoTime();
      System.out.println("0 " + (t1 - t0) + " " + (answer != null));
      return;
    }
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
    return measure(vendor, runs, jvmFlags, System.getProperty("java.class.path"));
  }

  /**
   * The class path of this JVM with every {@code target/classes} directory replaced by its
   * module's jar: an AppCDS archive can only be made of jars.
   *
   * @return the class path, or empty when a directory has no jar beside it
   */
  public static java.util.Optional<String> jarsOnly() {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!java.nio.file.Files.isDirectory(p)) {
        out.add(entry);
        continue;
      }
      try (var jars = java.nio.file.Files.list(p.getParent())) {
        java.util.Optional<Path> jar = jars.filter(j -> j.toString().endsWith(".jar")
            && !j.toString().endsWith("-sources.jar") && !j.toString().endsWith("-javadoc.jar"))
            .findFirst();
        if (jar.isEmpty()) {
          return java.util.Optional.empty();
        }
        out.add(jar.get().toString());
      } catch (java.io.IOException e) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(String.join(java.io.File.pathSeparator, out));
  }

  /**
   * An AppCDS archive of what a cold create and first status load: one training run of the
   * library child with {@code -XX:ArchiveClassesAtExit}.
   *
   * @param vendor notte or stagehand
   * @param classPath a class path of jars only ({@link #jarsOnly()})
   * @param archive where to write it
   * @param jvmFlags flags passed to the child
   * @throws Exception if the child fails or writes no archive
   */
  public static void archive(String vendor, String classPath, Path archive,
      List<String> jvmFlags) throws Exception {
    List<String> flags = new ArrayList<>(jvmFlags);
    flags.add("-XX:ArchiveClassesAtExit=" + archive);
    measureRuns(vendor, 1, flags, classPath, false);
    if (!java.nio.file.Files.isRegularFile(archive)) {
      throw new IllegalStateException("no AppCDS archive written at " + archive);
    }
  }

  /**
   * As {@link #measure(String, int, List)}, with the given class path.
   *
   * @param vendor notte or stagehand
   * @param runs how many JVMs per side
   * @param jvmFlags flags passed to each child
   * @param classPath the children's class path
   * @return the timings
   * @throws Exception if a child fails
   */
  public static Timings measure(String vendor, int runs, List<String> jvmFlags, String classPath)
      throws Exception {
    return measureRuns(vendor, runs, jvmFlags, classPath, true);
  }

  private static Timings measureRuns(String vendor, int runs, List<String> jvmFlags,
      String classPath, boolean withBare) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Vendors.Answers a = Vendors.capture(vendor);
    List<Double> create = new ArrayList<>();
    List<Double> status = new ArrayList<>();
    List<Double> jvm = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    try (CannedServer server = new CannedServer(Vendors.running(vendor, a), null)) {
      for (int i = 0; i < (withBare ? 2 : 1) * runs; i++) {
        boolean bareRun = i % 2 == 1; // alternated: library, bare, library, bare...
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", classPath,
            ColdStart.class.getName(), vendor, server.baseUrl().toString(), a.id(),
            bareRun ? "bare" : "library"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IllegalStateException("cold-start child failed: " + out);
        }
        double spawnToExit = (System.nanoTime() - t0) / 1e6;
        // the child's figures are its last line of two numbers (the JVM may log after it)
        String[] last = out.lines().filter(l -> l.matches("\\d+ \\d+ .*"))
            .reduce((x, y) -> y).orElse("").split(" ");
        if (bareRun) {
          bare.add(Long.parseLong(last[1]) / 1e6);
          continue;
        }
        jvm.add(spawnToExit);
        create.add(Long.parseLong(last[0]) / 1e6);
        status.add(Long.parseLong(last[1]) / 1e6);
      }
    }
    Collections.sort(create);
    Collections.sort(status);
    Collections.sort(jvm);
    Collections.sort(bare);
    return new Timings(vendor, create, status, jvm, bare);
  }
}
