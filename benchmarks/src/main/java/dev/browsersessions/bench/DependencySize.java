package dev.browsersessions.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The run-time class path each module brings (the module's own jar plus every run-time
 * dependency), resolved by Maven's {@code dependency:build-classpath} in a child Maven run over
 * the project's modules (offline, jars from the local repository). The project's own jars are taken from the modules' {@code target/}
 * when built there, else from the local repository.
 */
public final class DependencySize {

  /** The modules measured: the API alone, then each provider. */
  public static final List<String> MODULES = List.of("api", "provider-fake", "provider-local",
      "provider-notte", "provider-stagehand");
  /**
   * The modules of the child Maven run: {@link #MODULES} plus what they depend on in this project,
   * so the poms of the working tree decide the transitive dependencies, not stale installed ones.
   */
  private static final List<String> REACTOR = List.of("api", "provider-http", "provider-fake",
      "provider-local", "provider-notte", "provider-stagehand");
  private static final String MARKER = "Dependencies classpath:";
  private static final String PREFIX = "browser-sessions-";

  /**
   * One module's class path.
   *
   * @param module the module directory
   * @param jars jars on its run-time class path, its own included
   * @param bytes their total size
   * @param ownJars of which jars of this project (api, provider-http, ...)
   * @param thirdParty the other jars' file names
   */
  public record Size(String module, int jars, long bytes, int ownJars, List<String> thirdParty) {
  }

  private DependencySize() {
  }

  /**
   * Resolves and measures every module of {@link #MODULES}.
   *
   * @param root the project's root directory (holding {@code mvnw})
   * @param version the project version
   * @return the sizes, in {@link #MODULES} order
   * @throws Exception if Maven fails
   */
  public static List<Size> measure(Path root, String version) throws Exception {
    Map<String, List<Path>> classpaths = resolve(root);
    List<Size> sizes = new ArrayList<>();
    for (String module : MODULES) {
      List<Path> cp = classpaths.get(PREFIX + module);
      if (cp == null) {
        throw new IllegalStateException("Maven printed no class path for " + module);
      }
      Set<Path> all = new LinkedHashSet<>();
      all.add(ownJar(root, PREFIX + module, version, null));
      for (Path p : cp) {
        String name = p.getFileName().toString();
        all.add(name.startsWith(PREFIX) ? ownJar(root, artifactOf(name, version), version, p) : p);
      }
      long bytes = 0;
      int own = 0;
      List<String> third = new ArrayList<>();
      for (Path p : all) {
        bytes += size(p);
        if (p.getFileName().toString().startsWith(PREFIX) || Files.isDirectory(p)) {
          own++;
        } else {
          third.add(p.getFileName().toString());
        }
      }
      sizes.add(new Size(module, all.size(), bytes, own, third));
    }
    return sizes;
  }

  private static Map<String, List<Path>> resolve(Path root) throws Exception {
    String mvnw = root.resolve(File.separatorChar == '\\' ? "mvnw.cmd" : "mvnw").toString();
    Process p = new ProcessBuilder(mvnw, "-B", "-o", "-f", root.resolve("pom.xml").toString(),
        "-pl", String.join(",", REACTOR), "dependency:build-classpath",
        "-DincludeScope=runtime").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("mvnw dependency:build-classpath failed:\n" + out);
    }
    Map<String, List<Path>> byArtifact = new LinkedHashMap<>();
    String current = null;
    List<String> lines = out.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int at = line.indexOf(" @ ");
      if (line.contains("build-classpath") && at > 0) {
        current = line.substring(at + 3).replace("---", "").trim();
      } else if (line.contains(MARKER) && current != null) {
        String cp = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
        List<Path> entries = new ArrayList<>();
        if (!cp.isEmpty() && !cp.startsWith("[")) {
          for (String e : cp.split(File.pathSeparator)) {
            entries.add(Path.of(e));
          }
        }
        byArtifact.put(current, entries);
      }
    }
    return byArtifact;
  }

  private static String artifactOf(String jarName, String version) {
    return jarName.substring(0, jarName.length() - ("-" + version + ".jar").length());
  }

  private static Path ownJar(Path root, String artifact, String version, Path fallback) {
    Path built = root.resolve(artifact.substring(PREFIX.length())).resolve("target")
        .resolve(artifact + "-" + version + ".jar");
    if (Files.isRegularFile(built)) {
      return built;
    }
    if (fallback != null) {
      return fallback;
    }
    Path classes = built.getParent().resolve("classes");
    if (Files.isDirectory(classes)) {
      return classes;
    }
    throw new IllegalStateException("module " + artifact + " is not built: " + built);
  }

  private static long size(Path p) {
    try {
      if (!Files.isDirectory(p)) {
        return Files.size(p);
      }
      try (Stream<Path> files = Files.walk(p)) {
        return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
