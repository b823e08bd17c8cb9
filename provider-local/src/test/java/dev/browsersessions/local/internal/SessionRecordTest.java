package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.SessionStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecordTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static SessionRecord record(String id, long pid) {
    return new SessionRecord(id, pid, Optional.of(new ProcessStart(T0, OptionalLong.of(1234))),
        URI.create("ws://127.0.0.1:1/devtools/browser/x"),
        Path.of("/tmp/none-" + id), T0, T0, Optional.of(Duration.ofMinutes(1)),
        Optional.of(Duration.ofMinutes(5)), SessionStatus.ACTIVE, Optional.empty(),
        Optional.empty(), Map.of("team", "qa", "a.b", "c=d"), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  @Test
  void roundTripsThroughTheStateDirectory(@TempDir Path dir) {
    StateDirectory state = new StateDirectory(dir);
    SessionRecord r = record("local-1", 42).ended(SessionStatus.CLOSED, T0.plusSeconds(5), "stopped");
    state.write(r);
    assertThat(state.read("local-1")).contains(r);
    assertThat(state.readAll()).containsExactly(r);
    assertThat(state.read("local-2")).isEmpty();
  }

  @Test
  void unreadableFilesAreSkipped(@TempDir Path dir) throws Exception {
    StateDirectory state = new StateDirectory(dir);
    java.nio.file.Files.writeString(dir.resolve("broken.properties"), "id=x\n");
    state.write(record("local-1", 1));
    assertThat(state.readAll()).extracting(SessionRecord::id).containsExactly("local-1");
  }

  @Test
  void expiryReportsWhichLimitPassedAndWhen() {
    SessionRecord r = record("s", 1);
    assertThat(r.expiry(T0.plusSeconds(59))).isEmpty();
    assertThat(r.expiry(T0.plusSeconds(60))).get()
        .satisfies(e -> assertThat(e.at()).isEqualTo(T0.plusSeconds(60)))
        .satisfies(e -> assertThat(e.reason()).contains("idle"));
    SessionRecord busy = r.touched(T0.plusSeconds(290));
    assertThat(busy.expiry(T0.plusSeconds(300))).get()
        .satisfies(e -> assertThat(e.reason()).contains("maximum duration"));
  }
}
