package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold {@code BrowserSessions.create(vendor, config)} (ServiceLoader discovery and the first
 * provider build) and the first {@code status} call after it, in fresh JVMs, against a
 * {@link CannedServer} started by the parent; beside it, the same for the bare client ({@code new
 * BareClients}, which builds its {@code HttpClient}, and its first status). Both sides start
 * their clock at the same point: after the harness's own {@link Vendors} class is loaded (it
 * initialises a Jackson mapper for its captured answers, which is neither side's cost). Each
 * child prints one line, {@code <setup ns> <first status ns> <side>}.
 */
public final class ColdStart {

  /** The child's one line of figures: setup nanoseconds, first-status nanoseconds, side. */
  private static final Pattern FIGURES = Pattern.compile("(\\d+) (\\d+) (library|bare)");

  /**
   * Sorted timings of one vendor, in milliseconds.
   *
   * @param vendor notte or stagehand
   * @param create {@code BrowserSessions.create}
   * @param firstStatus the first {@code status} call after it
   * @param jvm the whole library child JVM, spawn to exit
   * @param bareSetup {@code new BareClients} in a fresh JVM (its {@code HttpClient} built)
   * @param bareFirstStatus the bare client's first status call after it
   * @param createAndFirst create and first status together, per library JVM
   * @param bareSetupAndFirst setup and first status together, per bare JVM: what compares with
   *     {@code createAndFirst}
   */
  public record Timings(String vendor, List<Double> create, List<Double> firstStatus,
      List<Double> jvm, List<Double> bareSetup, List<Double> bareFirstStatus,
      List<Double> createAndFirst, List<Double> bareSetupAndFirst) {
  }

  private ColdStart() {
  }

  /**
   * Child entry point: times one cold setup and the first status of one side, prints nanoseconds.
   *
   * @param args vendor, server URL, session id, side ({@code library} or {@code bare})
   */
  public static void main(String[] args) {
    URI url = URI.create(args[1]);
    boolean bare = args[3].equals("bare");
    // Before the clock, on both sides: the harness's Vendors class (and the Jackson mapper it
    // initialises for its captured answers) is not either side's cost.
    ProviderConfig config = Vendors.config(args[0], url, url);
    if (bare) {
      long t0 = System.nanoTime();
      BareClients client = new BareClients(url);
      long t1 = System.nanoTime();
      Object answer = Operation.STATUS.bare(args[0], client, args[2]);
      long t2 = System.nanoTime();
      if (answer == null) {
        throw new IllegalStateException("the bare client's first status had no answer");
      }
      System.out.println((t1 - t0) + " " + (t2 - t1) + " bare");
      return;
    }
    long t0 = System.nanoTime();
    try (BrowserSessions lib = BrowserSessions.create(args[0], config)) {
      long t1 = System.nanoTime();
      Object answer = lib.status(args[2]);
      long t2 = System.nanoTime();
      if (answer == null) {
        throw new IllegalStateException("the library's first status had no answer");
      }
      System.out.println((t1 - t0) + " " + (t2 - t1) + " library");
    }
  }

  /**
   * Spawns fresh JVMs (the running JVM's {@code java} and class path) and times them.
   *
   * @param vendor notte or stagehand
   * @param runs how many JVMs per side
   * @param jvmFlags flags passed to each child
   * @return the timings
   * @throws Exception if a child fails
   */
  public static Timings measure(String vendor, int runs, List<String> jvmFlags) throws Exception {
    return measure(vendor, runs, jvmFlags, jvmFlags, System.getProperty("java.class.path"));
  }

  /**
   * The class path of this JVM with every {@code target/classes} directory replaced by its
   * module's main jar: an AppCDS archive can only be made of jars. The jar is the one Maven's
   * {@code target/maven-archiver/pom.properties} names ({@code artifactId-version.jar}); without
   * that file, the one jar in {@code target} that is not a sources, javadoc or tests jar.
   *
   * @return the class path, or empty when a directory has no such jar beside it
   */
  public static Optional<String> jarsOnly() {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!Files.isDirectory(p)) {
        out.add(entry);
        continue;
      }
      Optional<Path> jar = mainJar(p);
      if (jar.isEmpty()) {
        return Optional.empty();
      }
      out.add(jar.get().toString());
    }
    return Optional.of(String.join(File.pathSeparator, out));
  }

  /** The main jar of the module whose {@code target/classes} this is, when there is one. */
  static Optional<Path> mainJar(Path classes) {
    Path target = classes.toAbsolutePath().getParent();
    if (target == null || !classes.getFileName().toString().equals("classes")) {
      return Optional.empty();
    }
    Path pom = target.resolve("maven-archiver").resolve("pom.properties");
    try {
      if (Files.isRegularFile(pom)) {
        Properties props = new Properties();
        try (var in = Files.newInputStream(pom)) {
          props.load(in);
        }
        Path jar = target.resolve(props.getProperty("artifactId") + "-"
            + props.getProperty("version") + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
      }
      try (Stream<Path> files = Files.list(target)) {
        List<Path> jars = files.filter(j -> {
          String n = j.getFileName().toString();
          return n.endsWith(".jar") && !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar")
              && !n.endsWith("-tests.jar");
        }).toList();
        return jars.size() == 1 ? Optional.of(jars.get(0)) : Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * AppCDS archives of what a cold setup and first status load, one per side: one training run
   * of the library child with {@code -XX:ArchiveClassesAtExit=<library archive>} and one of the
   * bare child with {@code -XX:ArchiveClassesAtExit=<bare archive>}, so that neither side runs
   * with an archive trained on the other's classes.
   *
   * @param vendor notte or stagehand
   * @param classPath a class path of jars only ({@link #jarsOnly()})
   * @param library where to write the library side's archive
   * @param bare where to write the bare side's archive
   * @param jvmFlags flags passed to the children
   * @throws Exception if a child fails or writes no archive
   */
  public static void archive(String vendor, String classPath, Path library, Path bare,
      List<String> jvmFlags) throws Exception {
    measureRuns(vendor, 1, withFlag(jvmFlags, "-XX:ArchiveClassesAtExit=" + library),
        withFlag(jvmFlags, "-XX:ArchiveClassesAtExit=" + bare), classPath);
    for (Path archive : List.of(library, bare)) {
      if (!Files.isRegularFile(archive)) {
        throw new IllegalStateException("no AppCDS archive written at " + archive);
      }
    }
  }

  /**
   * The flags with one more.
   *
   * @param flags JVM flags
   * @param flag another
   * @return a new list
   */
  public static List<String> withFlag(List<String> flags, String flag) {
    List<String> all = new ArrayList<>(flags);
    all.add(flag);
    return all;
  }

  /**
   * As {@link #measure(String, int, List)}, with flags per side and the given class path.
   *
   * @param vendor notte or stagehand
   * @param runs how many JVMs per side
   * @param libraryFlags flags passed to each library child
   * @param bareFlags flags passed to each bare child
   * @param classPath the children's class path
   * @return the timings
   * @throws Exception if a child fails
   */
  public static Timings measure(String vendor, int runs, List<String> libraryFlags,
      List<String> bareFlags, String classPath) throws Exception {
    return measureRuns(vendor, runs, libraryFlags, bareFlags, classPath);
  }

  private static Timings measureRuns(String vendor, int runs, List<String> libraryFlags,
      List<String> bareFlags, String classPath) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Vendors.Answers a = Vendors.capture(vendor);
    List<Double> create = new ArrayList<>();
    List<Double> status = new ArrayList<>();
    List<Double> jvm = new ArrayList<>();
    List<Double> bareSetup = new ArrayList<>();
    List<Double> bareStatus = new ArrayList<>();
    List<Double> libBoth = new ArrayList<>();
    List<Double> bareBoth = new ArrayList<>();
    try (CannedServer server = new CannedServer(Vendors.running(vendor, a), null)) {
      for (int i = 0; i < 2 * runs; i++) {
        boolean bareRun = i % 2 == 1; // alternated: library, bare, library, bare...
        String side = bareRun ? "bare" : "library";
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(bareRun ? bareFlags : libraryFlags);
        cmd.addAll(List.of("-cp", classPath,
            ColdStart.class.getName(), vendor, server.baseUrl().toString(), a.id(), side));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IllegalStateException("cold-start child (" + side + ") failed: " + out);
        }
        double spawnToExit = (System.nanoTime() - t0) / 1e6;
        // the child's figures are its last line "<setup ns> <first status ns> <side>" (the JVM
        // may log after it)
        Matcher m = out.lines().map(FIGURES::matcher).filter(Matcher::matches)
            .reduce((x, y) -> y).orElseThrow(() -> new IllegalStateException(
                "cold-start child (" + side + ") printed no line \"<setup ns> <first status ns>"
                    + " <side>\": " + out));
        if (!m.group(3).equals(side)) {
          throw new IllegalStateException("cold-start child printed figures of the "
              + m.group(3) + " side, expected " + side + ": " + out);
        }
        double setup = Long.parseLong(m.group(1)) / 1e6;
        double first = Long.parseLong(m.group(2)) / 1e6;
        if (bareRun) {
          bareSetup.add(setup);
          bareStatus.add(first);
          bareBoth.add(setup + first);
        } else {
          jvm.add(spawnToExit);
          create.add(setup);
          status.add(first);
          libBoth.add(setup + first);
        }
      }
    }
    for (List<Double> l : List.of(create, status, jvm, bareSetup, bareStatus, libBoth, bareBoth)) {
      Collections.sort(l);
    }
    return new Timings(vendor, create, status, jvm, bareSetup, bareStatus, libBoth, bareBoth);
  }
}
