package dev.browsersessions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A browser that never announces its DevTools URL, or dies first, fails create cleanly. */
class LocalStartFailureTest {

  @TempDir Path dir;

  private Path script(String body) throws Exception {
    Path p = dir.resolve("fake-chromium");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void aBrowserThatNeverPrintsTheUrlTimesOutQuotingItsOutputAndIsKilled() throws Exception {
    Path pidFile = dir.resolve("pid");
    Path chromium = script("echo $$ > " + pidFile + "\necho 'dbus noise' >&2\nexec sleep 60");
    try (BrowserSessionProvider p = LocalProviderFactory.create(LocalSettings.builder()
        .chromium(chromium).stateDir(dir.resolve("state")).startTimeout(Duration.ofMillis(500)).build())) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("did not print its DevTools URL within PT0.5S")
          .hasMessageContaining("start-timeout")
          .hasMessageContaining("dbus noise");
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(p.list(SessionFilter.all())).isEmpty();
    }
  }

  @Test
  void aBrowserThatExitsFirstReportsItsExitCodeAndLastOutput() throws Exception {
    Path chromium = script("echo 'cannot open display' >&2\nexit 3");
    try (BrowserSessionProvider p = LocalProviderFactory.create(LocalSettings.builder()
        .chromium(chromium).stateDir(dir.resolve("state")).startTimeout(Duration.ofSeconds(20)).build())) {
      assertThatThrownBy(() -> p.create(SessionRequest.defaults()))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("exited before printing its DevTools URL (exit code 3)")
          .hasMessageContaining("cannot open display");
      assertThat(p.list(SessionFilter.all())).isEmpty();
      try (var profiles = Files.list(dir.resolve("state").resolve("profiles"))) {
        assertThat(profiles).as("a failed start leaves no profile directory").isEmpty();
      }
    }
  }
}
