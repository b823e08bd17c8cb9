package dev.browsersessions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.local.internal.CdpConnection;
import dev.browsersessions.local.internal.SessionRecord;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.local.internal.StateDirectory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Chromium: a usable CDP endpoint, cross-process visibility, clean stops. The tests share one
 * state directory, hence one watchdog JVM; each ends its own sessions and looks only at them.
 */
class LocalBrowserTest {

  @TempDir static Path base;
  Path stateDir;

  @BeforeEach
  void stateDir() {
    stateDir = base.resolve("shared");
  }

  @AfterAll
  static void stopWhatIsLeft() {
    StateDirs.cleanUp(base);
  }

  private BrowserSessionProvider provider() {
    return RealChromium.provider(stateDir);
  }

  @Test
  void theCdpUrlIsARealBrowserThatAnswersBrowserGetVersion() throws Exception {
    try (BrowserSessions sessions = BrowserSessions.of(provider());
        BrowserSession session = sessions.start(SessionRequest.defaults())) {
      URI cdpUrl = session.cdpUrl().orElseThrow();
      try (CdpConnection cdp = CdpConnection.open(cdpUrl, Duration.ofSeconds(20))) {
        String json = cdp.send("Browser.getVersion", "{}", null);
        assertThat(json).contains("\"product\":").contains("Chrome/");
        // Headless as the page sees it.
        assertThat(cdp.evaluate(cdp.attachToFirstPage(), "navigator.userAgent"))
            .contains("HeadlessChrome/");
      }
      // The browser's version is known right after start, without a refresh.
      assertThat(session.info().attributes().get("browser")).asString()
          .matches("(Headless)?Chrome/\\d+\\..*");
    }
  }

  @Test
  void anotherProviderOnTheSameStateDirectorySeesAndStopsTheSession() throws Exception {
    BrowserSessionProvider first = provider();
    SessionInfo started = first.create(SessionRequest.builder().metadata("job", "7").build());
    long pid = (Long) started.attributes().get("pid");
    Path profile = Path.of(new StateDirectory(stateDir).read(started.id()).orElseThrow()
        .profileDir().toString());
    assertThat(profile).exists();

    BrowserSessionProvider second = provider(); // as another JVM would: only the state directory is shared
    assertThat(second.status(started.id()).status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(second.list(SessionFilter.active().withMetadata("job", "7")))
        .extracting(SessionInfo::id).containsExactly(started.id());

    SessionInfo stopped = second.stop(started.id());
    assertThat(stopped.status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(stopped.cdpUrl()).isEmpty();
    // The browser is a child of this JVM: once dead it is reaped asynchronously; wait for that.
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(profile).doesNotExist();
    assertThat(first.status(started.id()).status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(first.stop(started.id())).isEqualTo(stopped);
    first.close();
    second.close();
  }

  @Test
  void aBrowserThatDiesIsReportedEndedNeverActive() throws Exception {
    try (BrowserSessionProvider p = provider()) {
      SessionInfo s = p.create(SessionRequest.defaults());
      ProcessHandle h = ProcessHandle.of((Long) s.attributes().get("pid")).orElseThrow();
      h.destroyForcibly();
      h.onExit().get(10, TimeUnit.SECONDS);
      SessionInfo after = p.status(s.id());
      assertThat(after.status()).isIn(SessionStatus.CLOSED, SessionStatus.ERROR);
      assertThat(after.closeReason()).isPresent();
    }
  }

  @Test
  void aStaleRecordWhosePidIsGoneReadsAsClosed() {
    StateDirectory state = new StateDirectory(stateDir);
    String id = SessionRecord.newId();
    SessionRecord stale = new SessionRecord(id, Long.MAX_VALUE - 1,
        Optional.of(new dev.browsersessions.local.internal.ProcessStart(
            Instant.parse("2020-01-01T00:00:00Z"), java.util.OptionalLong.empty())),
        URI.create("ws://127.0.0.1:9/devtools/browser/x"),
        stateDir.resolve("gone-profile"), Instant.parse("2020-01-01T00:00:00Z"),
        Instant.parse("2020-01-01T00:00:00Z"), Optional.empty(), Optional.empty(),
        SessionStatus.ACTIVE, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty(), Optional.empty());
    state.write(stale);
    try (BrowserSessionProvider p = provider()) {
      assertThat(p.status(id).status()).isEqualTo(SessionStatus.CLOSED);
      assertThat(p.list(SessionFilter.active())).extracting(SessionInfo::id)
          .doesNotContain(id);
      assertThat(p.stop(id).status()).isEqualTo(SessionStatus.CLOSED);
    }
  }

  @Test
  void recordsOfEndedSessionsAreSweptByTheWatchdogAfterTheRetention(TestInfo test) {
    // Its own directory: the watchdog sweeps with the retention of the provider that started it.
    stateDir = StateDirs.fresh(base, test);
    try (BrowserSessionProvider p = RealChromium.provider(
        RealChromium.settings(stateDir).recordRetention(Duration.ofMillis(300)).build())) {
      SessionInfo s = p.create(SessionRequest.defaults());
      p.stop(s.id());
      assertThat(p.list(SessionFilter.all())).extracting(SessionInfo::id).containsExactly(s.id());
      Polling.until(Duration.ofSeconds(10), () -> p.list(SessionFilter.all()).isEmpty());
      assertThatThrownBy(() -> p.status(s.id())).isInstanceOf(SessionNotFoundException.class);
      assertThat(stateDir.resolve(s.id() + ".lock")).doesNotExist();
    }
  }

  @Test
  void unknownIdsAreNotFound() {
    try (BrowserSessionProvider p = provider()) {
      assertThatThrownBy(() -> p.status("local-nope")).isInstanceOf(SessionNotFoundException.class);
      assertThatThrownBy(() -> p.stop("local-nope")).isInstanceOf(SessionNotFoundException.class);
    }
  }

  @Test
  void factoryReadsConfigurationAndIsFoundByName() {
    ProviderConfig config = ProviderConfig.builder()
        .put("chrome-path", RealChromium.require().toString())
        .put("state-dir", stateDir.toString())
        .put("start-timeout", "20s")
        .build();
    String id;
    try (BrowserSessions sessions = BrowserSessions.create("local", config)) {
      assertThat(sessions.provider()).isEqualTo("local");
      BrowserSession s = sessions.start(SessionRequest.builder().viewport(800, 600).build());
      assertThat(s.cdpUrl()).isPresent();
      id = s.id();
    }
    assertThat(new StateDirectory(stateDir).read(id).orElseThrow().status().isTerminal())
        .as("closing the client stops its session").isTrue();
  }

  @Test
  void measuresStartTimeAndHeapPerSession() throws Exception {
    try (BrowserSessionProvider p = provider()) {
      Runtime rt = Runtime.getRuntime();
      long before = usedAfterGc(rt);
      // Five timed starts: the first three stay open for the heap figure, the last two are
      // stopped at once.
      List<Long> millis = new ArrayList<>();
      List<String> open = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        SessionInfo s = p.create(SessionRequest.defaults());
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        if (i < 3) {
          open.add(s.id());
        } else {
          p.stop(s.id());
        }
        if (i == 2) {
          long after = usedAfterGc(rt);
          System.out.printf("[local] JVM heap per open session ≈ %d bytes (3 open, after GC);"
              + " live JVM threads with 3 open: %d (one stderr reader per session)%n",
              (after - before) / 3, Thread.activeCount());
        }
      }
      open.forEach(p::stop);
      millis.sort(null);
      System.out.printf("[local] create→CDP URL median %d ms (min %d, max %d) over 5%n",
          millis.get(2), millis.get(0), millis.get(4));
      assertThat(millis).hasSize(5);
      assertThat(p.list(SessionFilter.active())).extracting(SessionInfo::id)
          .doesNotContainAnyElementsOf(open);
    }
  }

  private static long usedAfterGc(Runtime rt) {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void profileDirectoriesAreRemovedOnStop() throws Exception {
    try (BrowserSessionProvider p = provider()) {
      SessionInfo s = p.create(SessionRequest.defaults());
      Path profile = new StateDirectory(stateDir).read(s.id()).orElseThrow().profileDir();
      assertThat(Files.isDirectory(profile)).isTrue();
      p.stop(s.id());
      assertThat(profile).as(() -> leftovers(profile)).doesNotExist();
    }
  }

  /** What is left in a profile and what still carries it, for a failure message. */
  private static String leftovers(Path profile) {
    StringBuilder out = new StringBuilder("left in the profile:");
    try (var files = Files.walk(profile)) {
      files.limit(20).forEach(f -> out.append(' ').append(profile.relativize(f)));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      out.append(' ').append(e);
    }
    out.append("; processes that carry it:");
    dev.browsersessions.local.internal.ProcessTree.carrying(profile).forEach(h -> out.append(' ')
        .append(h.pid()).append(' ').append(h.info().command().orElse("?")));
    return out.toString();
  }

  @Test
  void stopEndsEveryProcessThatStillCarriesTheProfileThenDeletesIt() throws Exception {
    try (BrowserSessionProvider p = provider()) {
      SessionInfo s = p.create(SessionRequest.defaults());
      Path profile = new StateDirectory(stateDir).read(s.id()).orElseThrow().profileDir();
      // Outside the browser's process tree, as a helper forked after the tree was read would be.
      Process straggler = Straggler.start(profile);
      try {
        Polling.until(Duration.ofSeconds(10),
            () -> Files.exists(profile.resolve("Default").resolve("straggler")));
        p.stop(s.id());
        // Dead when stop returns; the JVM's reaper may take a moment to collect it (bounded wait).
        assertThat(straggler.waitFor(10, TimeUnit.SECONDS))
            .as("the straggler was ended by stop").isTrue();
        assertThat(profile).doesNotExist();
      } finally {
        straggler.destroyForcibly();
      }
    }
  }

  @Test
  void idleTimeoutIsEnforcedWithoutAnyCallByTheBackgroundCheck() throws Exception {
    dev.browsersessions.fake.MutableClock clock = dev.browsersessions.fake.MutableClock.startingNow();
    try (BrowserSessionProvider p = RealChromium.provider(
        RealChromium.settings(stateDir).clock(clock).build())) {
      SessionInfo s = p.create(SessionRequest.builder().idleTimeout(Duration.ofMinutes(1)).build());
      long pid = (Long) s.attributes().get("pid");
      clock.advance(Duration.ofMinutes(2));
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(15, TimeUnit.SECONDS).join());
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(p.status(s.id()).status()).isEqualTo(SessionStatus.TIMED_OUT);
    }
  }
}
