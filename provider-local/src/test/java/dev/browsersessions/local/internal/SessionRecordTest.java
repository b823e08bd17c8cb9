package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.SessionStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
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
    String id = SessionRecord.newId();
    SessionRecord r = record(id, 42).ended(SessionStatus.CLOSED, T0.plusSeconds(5), "stopped");
    state.write(r);
    assertThat(state.read(id)).contains(r);
    assertThat(state.readAll()).containsExactly(r);
    assertThat(state.read(SessionRecord.newId())).isEmpty();
  }

  @Test
  void unreadableFilesAreSkipped(@TempDir Path dir) throws Exception {
    StateDirectory state = new StateDirectory(dir);
    java.nio.file.Files.writeString(dir.resolve("broken.properties"), "id=x\n");
    String id = SessionRecord.newId();
    state.write(record(id, 1));
    assertThat(state.readAll()).extracting(SessionRecord::id).containsExactly(id);
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

  @Test
  void aRecordWhoseIdIsNotOfTheProvidersFormIsNotRead(@TempDir Path dir) throws Exception {
    StateDirectory state = new StateDirectory(dir);
    for (String id : new String[] {"Documents", "local-1", "..", "local-" + "A".repeat(36),
        SessionRecord.newId() + "x"}) {
      Properties p = record(SessionRecord.newId(), 1).toProperties();
      p.setProperty("id", id);
      assertThatThrownBy(() -> SessionRecord.fromProperties(p)).as(id)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("local-<uuid>");
    }
    state.write(record("Documents", 1));
    assertThat(state.read("Documents")).isEmpty();
    assertThat(state.readAll()).isEmpty();
    String id = SessionRecord.newId();
    assertThat(SessionRecord.isProviderId(id)).isTrue();
    assertThat(SessionRecord.fromProperties(record(id, 1).toProperties()).id()).isEqualTo(id);
  }

  @Test
  void anOwnersStartInTicksSinceBootRoundTrips(@TempDir Path dir) {
    SessionRecord.Owner owner =
        new SessionRecord.Owner(42, new ProcessStart(T0, OptionalLong.of(99)));
    String id = SessionRecord.newId();
    SessionRecord r = new SessionRecord(id, 7, Optional.of(new ProcessStart(T0,
        OptionalLong.of(1234))), URI.create("ws://127.0.0.1:1/devtools/browser/x"),
        Path.of("/tmp/none-" + id), T0, T0, Optional.empty(), Optional.empty(),
        SessionStatus.ACTIVE, Optional.empty(), Optional.empty(), Map.of(), Optional.of(owner),
        Optional.empty(), Optional.empty());
    assertThat(r.toProperties().getProperty("owner-start-ticks")).isEqualTo("99");
    SessionRecord read = SessionRecord.fromProperties(r.toProperties());
    assertThat(read.owner()).contains(owner);
    assertThat(read.owner().orElseThrow().start().bootTicks()).hasValue(99);
    StateDirectory state = new StateDirectory(dir);
    state.write(r);
    assertThat(state.read(id)).contains(r);
  }
}
