package dev.browsersessions.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a table was measured on: JDK, machine, load average and command, for the line beside it. */
public final class Environment {

  private Environment() {
  }

  /**
   * The load average now (1, 5, 15 minutes) from {@code /proc/loadavg}.
   *
   * @return e.g. {@code 3.10 2.95 2.40}, or the JVM's 1-minute figure elsewhere
   */
  public static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /**
   * JDK, machine and the command of this JVM.
   *
   * @return one Markdown line
   */
  public static String describe() {
    return String.format(Locale.ROOT, "JDK %s %s (%s); %d CPUs, %s %s, %d MiB heap max; command "
        + "`java %s %s`", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.home"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20,
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
        System.getProperty("sun.java.command", "?"));
  }
}
