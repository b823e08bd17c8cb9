package dev.browsersessions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.local.internal.PosixUser;
import dev.browsersessions.local.internal.ProcessStart;
import dev.browsersessions.local.internal.ProcessTree;
import dev.browsersessions.local.internal.SessionRecord;
import dev.browsersessions.local.internal.StateDirectory;
import dev.browsersessions.local.internal.WatchdogLauncher;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state directory someone else wrote to: planted records never make the provider kill a process
 * it did not start or delete a directory it did not make, and odd files never hang or exhaust it.
 * No browser is started here.
 */
class LocalHostileStateTest {

  // Ids of the provider's form (local-<uuid>): a record with any other id is not read at all.
  private static final String FORGED = SessionRecord.newId();
  private static final String DEAD = SessionRecord.newId();
  private static final String VICTIM = SessionRecord.newId();
  private static final String FORGER = SessionRecord.newId();
  private static final String LEFT = SessionRecord.newId();
  private static final String LINK = SessionRecord.newId();
  private static final String REAL = SessionRecord.newId();
  private static final String IO = SessionRecord.newId();

  @TempDir Path tmp;
  private Path stateDir;
  private BrowserSessionProvider provider;
  private Process bystander;

  @BeforeEach
  void setUp() throws Exception {
    stateDir = tmp.resolve("state");
    provider = LocalProviderFactory.create(
        LocalSettings.builder().chromium(Path.of("/bin/sh")).stateDir(stateDir).build());
    bystander = new ProcessBuilder("sleep", "120").start();
  }

  @AfterEach
  void tearDown() {
    provider.close();
    bystander.destroyForcibly();
  }

  private SessionRecord planted(String id, long pid, Optional<Instant> start, Path profile) {
    return new SessionRecord(id, pid,
        start.map(at -> new ProcessStart(at, java.util.OptionalLong.empty())), URI.create("ws://127.0.0.1:9/devtools/browser/x"),
        profile, Instant.now(), Instant.now(), Optional.of(Duration.ofSeconds(1)),
        Optional.empty(), SessionStatus.ACTIVE, Optional.empty(), Optional.empty(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void aRecordNamingAnotherProcessKillsNothingAndAForeignProfileIsNotDeleted() throws Exception {
    Path foreign = Files.createDirectories(tmp.resolve("precious"));
    Files.writeString(foreign.resolve("data"), "keep me");
    ProcessHandle h = bystander.toHandle();
    // The right pid and start time, long expired: only the command line tells it apart.
    new StateDirectory(stateDir).write(planted(FORGED, h.pid(), h.info().startInstant(),
        foreign));
    assertThat(provider.status(FORGED).status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(provider.list(SessionFilter.all())).hasSize(1);
    assertThat(provider.stop(FORGED).status()).isEqualTo(SessionStatus.CLOSED);
    assertThat(ProcessTree.isRunning(bystander.toHandle())).as("the bystander was not killed")
        .isTrue();
    assertThat(foreign.resolve("data")).hasContent("keep me");
  }

  @Test
  void listAndStatusNeverDeleteAProfileStopDeletesOnlyOurOwn() throws Exception {
    StateDirectory state = new StateDirectory(stateDir);
    Path profile = Files.createDirectory(state.profiles().resolve(DEAD));
    state.write(planted(DEAD, Long.MAX_VALUE - 1, Optional.of(Instant.now()), profile));
    provider.list(SessionFilter.all());
    provider.status(DEAD);
    assertThat(profile).isDirectory();
    provider.stop(DEAD);
    assertThat(profile).doesNotExist();
  }

  @Test
  void aRecordNamingAnotherSessionsProfileEndsNoneOfItsProcessesAndDeletesNothing()
      throws Exception {
    StateDirectory state = new StateDirectory(stateDir);
    Path victim = Files.createDirectory(state.profiles().resolve(VICTIM));
    Files.writeString(victim.resolve("Local State"), "keep me");
    Process helper = Straggler.start(victim); // a live helper of session local-victim
    try {
      state.write(planted(FORGER, Long.MAX_VALUE - 1, Optional.of(Instant.now()),
          victim));
      assertThat(provider.stop(FORGER).status()).isEqualTo(SessionStatus.CLOSED);
      // Not Process.isAlive(): a killed process reads alive until the JVM reaps its zombie.
      assertThat(ProcessTree.isRunning(helper.toHandle())).as("the helper was not ended").isTrue();
      assertThat(victim.resolve("Local State")).hasContent("keep me");
    } finally {
      helper.destroyForcibly();
    }
  }

  @Test
  void theWatchdogEndsWhatStillWritesIntoAnEndedSessionsProfileAndDeletesIt() throws Exception {
    StateDirectory state = new StateDirectory(stateDir);
    Path profile = Files.createDirectory(state.profiles().resolve(LEFT));
    state.write(planted(LEFT, Long.MAX_VALUE - 1, Optional.of(Instant.now()), profile)
        .ended(SessionStatus.CLOSED, Instant.now(), "stopped"));
    Process straggler = Straggler.start(profile);
    try {
      Polling.until(Duration.ofSeconds(10),
          () -> Files.exists(profile.resolve("Default").resolve("straggler")));
      WatchdogLauncher.ensureRunning(state, Duration.ofMinutes(5), Duration.ofSeconds(2),
          Optional.empty());
      Polling.until(Duration.ofSeconds(20), () -> !straggler.isAlive() && !Files.exists(profile));
      assertThat(state.read(LEFT)).isPresent(); // the record is kept for its retention
    } finally {
      straggler.destroyForcibly();
      StateDirs.deleteAndAwaitWatchdog(stateDir);
    }
  }

  @Test
  void aProfilePathThatIsALinkIsNotFollowedNorDeleted() throws Exception {
    StateDirectory state = new StateDirectory(stateDir);
    Path target = Files.createDirectories(tmp.resolve("target"));
    Files.writeString(target.resolve("data"), "keep me");
    Path link = Files.createSymbolicLink(state.profiles().resolve(LINK), target);
    state.write(planted(LINK, Long.MAX_VALUE - 1, Optional.of(Instant.now()), link));
    provider.stop(LINK);
    assertThat(target.resolve("data")).hasContent("keep me");
  }

  @Test
  void aProfilesFolderThatIsALinkToHomeDeletesNothingThere() throws Exception {
    StateDirectory state = new StateDirectory(stateDir);
    state.ensureSecure();
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path documents = Files.createDirectories(home.resolve("Documents"));
    Files.writeString(documents.resolve("thesis"), "keep me");
    Path ownForm = Files.createDirectories(home.resolve(LINK));
    Files.writeString(ownForm.resolve("data"), "keep me");
    Files.createSymbolicLink(state.profilesPath(), home);
    // A record whose id is a folder of the user's: not of the provider's form, so never read.
    state.write(planted("Documents", Long.MAX_VALUE - 1, Optional.of(Instant.now()),
        state.profilesPath().resolve("Documents")).ended(SessionStatus.CLOSED, Instant.now(),
        "stopped"));
    assertThatThrownBy(() -> provider.stop("Documents"))
        .isInstanceOf(SessionNotFoundException.class);
    // A record of the provider's form: its profile is in a profiles folder that is a link.
    state.write(planted(LINK, Long.MAX_VALUE - 1, Optional.of(Instant.now()),
        state.profilesPath().resolve(LINK)));
    provider.stop(LINK);
    assertThat(documents.resolve("thesis")).hasContent("keep me");
    assertThat(ownForm.resolve("data")).hasContent("keep me");
  }

  @Test
  void recordsThatAreLinksFifosOrHugeAreIgnoredWithoutHanging() throws Exception {
    StateDirectory state = new StateDirectory(stateDir);
    state.ensureSecure();
    Path elsewhere = tmp.resolve("elsewhere.properties");
    Files.write(elsewhere, new byte[0]);
    state.write(planted(REAL, Long.MAX_VALUE - 1, Optional.of(Instant.now()),
        state.profiles().resolve(REAL)));
    Files.move(stateDir.resolve(REAL + ".properties"), elsewhere,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createSymbolicLink(stateDir.resolve(REAL + ".properties"), elsewhere);
    Process mkfifo = new ProcessBuilder("mkfifo",
        stateDir.resolve("local-fifo.properties").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.write(stateDir.resolve("local-huge.properties"), new byte[1024 * 1024]);

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertThat(provider.list(SessionFilter.all())).isEmpty();
      assertThatThrownBy(() -> provider.status(REAL))
          .isInstanceOf(SessionNotFoundException.class);
      assertThatThrownBy(() -> provider.status("local-fifo"))
          .isInstanceOf(SessionNotFoundException.class);
      assertThatThrownBy(() -> provider.stop("local-huge"))
          .isInstanceOf(SessionNotFoundException.class);
    });
  }

  @Test
  void theStateDirectoryIsCreatedOwnerOnlyAndRefusedWhenOthersCanWriteIt() throws Exception {
    assertThat(provider.list(SessionFilter.all())).isEmpty();
    assertThatThrownBy(() -> provider.status("local-nope"))
        .isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> provider.stop("local-nope"))
        .isInstanceOf(SessionNotFoundException.class);
    assertThat(stateDir).doesNotExist(); // reading an unknown id leaves nothing behind

    new StateDirectory(stateDir).ensureSecure();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)))
        .isEqualTo("rwx------");
    assertThatThrownBy(() -> provider.stop("local-nope"))
        .isInstanceOf(SessionNotFoundException.class);
    try (var files = Files.list(stateDir)) {
      assertThat(files).noneMatch(f -> f.getFileName().toString().startsWith("local-nope"));
    }
  }

  @Test
  void aGroupWritableOrForeignStateDirectoryIsRefusedNamingThePathAndTheFix() throws Exception {
    Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwxrwx---"));
    assertThatThrownBy(() -> provider.create(SessionRequest.defaults()))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining(stateDir.toString())
        .hasMessageContaining("writable by group or others")
        .hasMessageContaining("chmod 700");
    Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
    assumeTrue(PosixUser.isRoot(), "only root can give a directory away");
    Files.setAttribute(stateDir, "unix:uid", 65534);
    BrowserSessionProvider fresh = LocalProviderFactory.create(
        LocalSettings.builder().chromium(Path.of("/bin/sh")).stateDir(stateDir).build());
    assertThatThrownBy(() -> fresh.list(SessionFilter.all()))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("owned by another user");
  }

  @Test
  void aRefusedStartLeavesNoProfileDirectory() throws Exception {
    assumeTrue(System.getenv("DISPLAY") == null, "a display is set");
    assertThatThrownBy(() -> provider.create(SessionRequest.builder().headless(false).build()))
        .isInstanceOf(InvalidSessionRequestException.class);
    try (var files = Files.list(new StateDirectory(stateDir).profiles())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void proxyCredentialsAreRefusedWithoutEchoingThemAndNothingIsStarted() throws Exception {
    // user:pass@ in the server address is refused by the API itself (ProxySettings.External)
    ProxySettings proxy = ProxySettings.external("http://127.0.0.1:3128", "alice", "s3cret-pw");
    assertThatThrownBy(() -> provider.create(SessionRequest.builder().proxy(proxy).build()))
        .isInstanceOf(InvalidSessionRequestException.class)
        .hasMessageContaining("command line")
        .hasMessageNotContaining("s3cret-pw");
    try (var files = Files.list(new StateDirectory(stateDir).profiles())) {
      assertThat(files).as("no browser was launched").isEmpty();
    }
  }

  @Test
  void anIoFailureInTheStateDirectoryIsABrowserSessionException() throws Exception {
    StateDirectory state = new StateDirectory(stateDir);
    state.write(planted(IO, Long.MAX_VALUE - 1, Optional.of(Instant.now()),
        state.profiles().resolve(IO)));
    Files.createDirectory(stateDir.resolve(IO + ".lock")); // the lock file cannot be opened
    assertThatThrownBy(() -> provider.stop(IO))
        .isInstanceOf(BrowserSessionException.class)
        .hasMessageContaining(stateDir.resolve(IO + ".lock").toString())
        .hasMessageContaining("state-dir");
  }
}
