package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one parser of {@code /proc/<pid>/stat}: the state and the start in ticks since boot. */
class ProcStatTest {

  private static String line(String comm, char state, long start) {
    StringBuilder b = new StringBuilder("4242 (" + comm + ") " + state);
    for (int field = 4; field <= 21; field++) {
      b.append(' ').append(field);
    }
    return b.append(' ').append(start).append(" 123 456\n").toString();
  }

  @Test
  void theStateAndStartAreReadAfterTheLastParenthesis() {
    assertThat(ProcStat.parse(line("chromium", 'S', 98765)))
        .contains(new ProcStat('S', OptionalLong.of(98765)));
    // A name with spaces and parentheses cannot shift the fields.
    assertThat(ProcStat.parse(line("a) Z 1 (b", 'R', 7)))
        .contains(new ProcStat('R', OptionalLong.of(7)));
  }

  @Test
  void aZombieIsTold() {
    assertThat(ProcStat.parse(line("sh", 'Z', 1)).orElseThrow().isZombie()).isTrue();
    assertThat(ProcStat.parse(line("sh", 'S', 1)).orElseThrow().isZombie()).isFalse();
  }

  @Test
  void aShortOrBrokenLineGivesWhatItHas() {
    assertThat(ProcStat.parse("4242 (sh) S 1 2")).contains(new ProcStat('S', OptionalLong.empty()));
    assertThat(ProcStat.parse("garbage")).isEmpty();
    assertThat(ProcStat.parse("4242 (sh)")).isEmpty();
  }

  @Test
  void thisProcessReadsAsRunningWithItsStart() {
    assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/stat")), "no /proc");
    ProcStat self = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();
    assertThat(self.isZombie()).isFalse();
    assertThat(self.startTicks()).isPresent();
    assertThat(ProcStat.read(Long.MAX_VALUE - 1)).isEmpty();
  }
}
