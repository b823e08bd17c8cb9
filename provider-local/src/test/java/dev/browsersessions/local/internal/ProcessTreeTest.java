package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a process is recognised as carrying a session's profile. */
class ProcessTreeTest {

  private static final String FLAG = "--user-data-dir=/s/profiles/local-1";

  @Test
  void theFlagAsAnArgumentOfItsOwnIsCarried() {
    assertThat(ProcessTree.carries(List.of("/usr/lib/chromium/chromium", FLAG, "about:blank"),
        FLAG)).isTrue();
  }

  @Test
  void theFlagAsAWordOfAHelpersRewrittenTitleIsCarried() {
    assertThat(ProcessTree.carries(List.of("/usr/lib/chromium/chromium --type=renderer " + FLAG
        + " --no-sandbox"), FLAG)).isTrue();
    assertThat(ProcessTree.carries(List.of("chromium --type=zygote " + FLAG), FLAG)).isTrue();
  }

  @Test
  void anotherProfileWhoseNameStartsTheSameIsNotCarried() {
    assertThat(ProcessTree.carries(List.of(FLAG + "0"), FLAG)).isFalse();
    assertThat(ProcessTree.carries(List.of(FLAG + "/Default"), FLAG)).isFalse();
    assertThat(ProcessTree.carries(List.of("chromium " + FLAG + "2 --x"), FLAG)).isFalse();
    assertThat(ProcessTree.carries(List.of("x" + FLAG), FLAG)).isFalse();
    assertThat(ProcessTree.carries(List.of(), FLAG)).isFalse();
  }

  @Test
  void aPathWithSpacesIsMatchedWhole() {
    String flag = "--user-data-dir=/my state/profiles/local-1";
    assertThat(ProcessTree.carries(List.of("chromium " + flag + " --x"), flag)).isTrue();
    assertThat(ProcessTree.carries(List.of("chromium --user-data-dir=/my"), flag)).isFalse();
  }

  @Test
  void aProcessThatIgnoresThePoliteRequestIsKilledOnceTheGraceHasPassed() throws Exception {
    Process stubborn = new ProcessBuilder("/bin/sh", "-c",
        "trap '' TERM; echo ready; while :; do sleep 0.05; done").start();
    try {
      assertThat(new String(stubborn.getInputStream().readNBytes(6))).isEqualTo("ready\n");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      List<ProcessHandle> left =
          ProcessTree.end(List.of(stubborn.toHandle()), Duration.ofMillis(200), deadline);
      assertThat(left).isEmpty();
      // Dead now; the JVM's reaper may take a moment to collect it, so wait for that (bounded).
      assertThat(stubborn.waitFor(10, TimeUnit.SECONDS)).as("the process ended").isTrue();
      assertThat(stubborn.exitValue()).as("killed by SIGKILL, as it ignored SIGTERM")
          .isEqualTo(128 + 9);
    } finally {
      stubborn.destroyForcibly();
    }
  }

  @Test
  void aProcessThatObeysThePoliteRequestEndsByItNotByAKill() throws Exception {
    Process polite = new ProcessBuilder("/bin/sh", "-c", "echo ready; exec sleep 120").start();
    try {
      assertThat(new String(polite.getInputStream().readNBytes(6))).isEqualTo("ready\n");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      List<ProcessHandle> left =
          ProcessTree.end(List.of(polite.toHandle()), Duration.ofSeconds(10), deadline);
      assertThat(left).isEmpty();
      assertThat(polite.waitFor(10, TimeUnit.SECONDS)).as("the process ended").isTrue();
      assertThat(polite.exitValue()).as("ended by SIGTERM, not SIGKILL").isEqualTo(128 + 15);
    } finally {
      polite.destroyForcibly();
    }
  }
}
