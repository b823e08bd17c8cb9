package dev.browsersessions.local.internal;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the {@link Watchdog} of a state directory when none runs: the same {@code java} binary
 * as this JVM, this provider's and the API's jars (or class directories) as its class path, a
 * small heap, its own session ({@code setsid}, where available) so that a terminal's Ctrl-C to
 * the program that started it does not reach it, its output in {@code watchdog.log}.
 */
public final class WatchdogLauncher {

  /** The watchdog JVM's options: a small heap and quick start-up over peak speed. */
  public static final List<String> JVM_OPTIONS = List.of(
      "-Xmx24m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:CICompilerCount=1", "-Xshare:auto");

  private WatchdogLauncher() {}

  /**
   * Starts a watchdog unless one runs or one this caller started is still starting.
   *
   * @param state the state directory
   * @param retention how long records of ended sessions are kept
   * @param stopGrace how long a browser may take to exit before it is killed
   * @param starting the watchdog this caller started before, if any
   * @return the watchdog process started now, else {@code starting}
   * @throws IOException if the JVM cannot be started
   */
  public static Optional<Process> ensureRunning(StateDirectory state, Duration retention,
      Duration stopGrace, Optional<Process> starting) throws IOException {
    if (starting.filter(Process::isAlive).isPresent() || Watchdog.isRunning(state)) {
      return starting;
    }
    List<String> cmd = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      cmd.add(setsid.toString());
    }
    cmd.add(javaBinary());
    cmd.addAll(JVM_OPTIONS);
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(Watchdog.class.getName());
    cmd.add(state.path().toString());
    cmd.add(retention.toString());
    cmd.add(stopGrace.toString());
    return Optional.of(new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(state.path().resolve("watchdog.log").toFile())
        .start());
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .filter(c -> Files.isExecutable(Path.of(c)))
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static String classPath() throws IOException {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : List.of(Watchdog.class, dev.browsersessions.SessionStatus.class)) {
      entries.add(location(c).orElseThrow(() -> new IOException(
          "cannot find the jar of " + c.getName() + " to start the watchdog")));
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Optional<String> location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()).toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
