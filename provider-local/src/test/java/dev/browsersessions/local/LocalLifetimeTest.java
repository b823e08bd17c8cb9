package dev.browsersessions.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionStatus;
import dev.browsersessions.local.internal.ProcessTree;
import dev.browsersessions.local.internal.SessionRecord;
import dev.browsersessions.local.internal.StateDirectory;
import dev.browsersessions.local.internal.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions started by a JVM that then exits, with no JVM of ours left using the state directory:
 * the detached watchdog enforces the idle timeout, and ends non-detached sessions with their JVM.
 */
class LocalLifetimeTest {

  private static final Duration IDLE = Duration.ofSeconds(2);
  /** Detection margin the README states: one watchdog tick, plus slack for a loaded machine. */
  private static final Duration MARGIN = Duration.ofMillis(1500);

  @TempDir static Path base;

  @AfterAll
  static void stopWhatIsLeft() {
    StateDirs.cleanUp(base);
  }

  /** Runs {@link StartAndExit} in a new JVM and returns its session's record once it exited. */
  private static SessionRecord startInAnotherJvm(Path stateDir, boolean detach) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StartAndExit.class.getName(), RealChromium.require().toString(), stateDir.toString(),
        Boolean.toString(detach), IDLE.toString())
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes()).trim();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    List<String> lines = out.lines().toList();
    String id = lines.get(lines.size() - 1).split(" ")[0];
    return new StateDirectory(stateDir).read(id).orElseThrow();
  }

  private static long watchdogPid(Path stateDir) throws IOException {
    return Long.parseLong(Files.readString(stateDir.resolve(Watchdog.PID_FILE)).trim());
  }

  private static long rssKib(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", ""))
        .mapToLong(Long::parseLong).findFirst().orElse(-1);
  }

  @Test
  void aDetachedSessionEndsAtItsIdleTimeoutWithNoJvmOfOursRunning() throws Exception {
    Path stateDir = base.resolve("detached");
    SessionRecord started = startInAnotherJvm(stateDir, true);
    assertThat(started.owner()).isEmpty();
    ProcessHandle browser = ProcessHandle.of(started.pid()).orElseThrow();
    assertThat(browser.isAlive()).as("the browser outlives the JVM that started it").isTrue();
    long watchdog = watchdogPid(stateDir);
    long rss = rssKib(watchdog);

    StateDirectory state = new StateDirectory(stateDir);
    Polling.until(IDLE.plus(MARGIN).plusSeconds(5),
        () -> state.read(started.id()).orElseThrow().status().isTerminal());
    SessionRecord ended = state.read(started.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(SessionStatus.TIMED_OUT);
    assertThat(ended.closedAt()).contains(ended.lastActiveAt().plus(IDLE));
    Polling.until(Duration.ofSeconds(10), () -> !ProcessTree.isRunning(browser));
    // The watchdog does not outlive its sessions.
    Duration watchdogGone = Polling.until(Watchdog.LINGER.plusSeconds(10),
        () -> ProcessHandle.of(watchdog).map(h -> !h.isAlive()).orElse(true));
    System.out.printf("[local] watchdog RSS %d KiB with one session; it exited %d ms after its"
        + " last session ended%n", rss, watchdogGone.toMillis());
    assertThat(stateDir.resolve("profiles").resolve(started.id())).doesNotExist();
  }

  @Test
  void aSessionItsJvmForgotToCloseEndsWhenThatJvmExits() throws Exception {
    Path stateDir = base.resolve("forgotten");
    SessionRecord started = startInAnotherJvm(stateDir, false);
    assertThat(started.owner()).isPresent();
    StateDirectory state = new StateDirectory(stateDir);
    Duration took = Polling.until(Duration.ofSeconds(10),
        () -> state.read(started.id()).orElseThrow().status().isTerminal());
    SessionRecord ended = state.read(started.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(ended.closeReason()).get().asString().contains("exited");
    Polling.until(Duration.ofSeconds(10),
        () -> ProcessHandle.of(started.pid()).map(h -> !ProcessTree.isRunning(h)).orElse(true));
    System.out.printf("[local] a forgotten session ended %d ms after its JVM exited%n",
        took.toMillis());
  }
}
