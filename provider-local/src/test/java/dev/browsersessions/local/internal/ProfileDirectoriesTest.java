package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which recorded profile a record may act on: only its session's own. */
class ProfileDirectoriesTest {

  private static final Path PROFILES = Path.of("/s/profiles");

  @Test
  void theSessionsOwnProfileIsItsToActOn() {
    assertThat(ProfileDirectories.isSessions(PROFILES, "local-1", PROFILES.resolve("local-1")))
        .isTrue();
  }

  @Test
  void anotherSessionsProfileOrAPathOutsideIsNot() {
    assertThat(ProfileDirectories.isSessions(PROFILES, "local-1", PROFILES.resolve("local-2")))
        .isFalse();
    assertThat(ProfileDirectories.isSessions(PROFILES, "local-1", Path.of("/home/u/.config")))
        .isFalse();
    assertThat(ProfileDirectories.isSessions(PROFILES, "local-1",
        PROFILES.resolve("x").resolve("..").resolve("local-1"))).isFalse();
  }

  @Test
  void anIdThatResolvesElsewhereIsNot() {
    for (String id : new String[] {"..", ".", "", "a/b", "../local-1"}) {
      assertThat(ProfileDirectories.isSessions(PROFILES, id, PROFILES.resolve(id)))
          .as("id '%s'", id).isFalse();
    }
  }

  @Test
  void onlyARealDirectoryIsDeletableNotALinkNorAFileNorNothing(@TempDir Path tmp)
      throws Exception {
    Path profiles = Files.createDirectory(tmp.resolve("profiles"));
    Path real = Files.createDirectory(profiles.resolve("local-real"));
    Path target = Files.createDirectory(tmp.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(profiles.resolve("local-link"), target);
    Path file = Files.writeString(profiles.resolve("local-file"), "x");
    assertThat(ProfileDirectories.isDeletable(profiles, "local-real", real)).isTrue();
    assertThat(ProfileDirectories.isDeletable(profiles, "local-link", link)).isFalse();
    assertThat(ProfileDirectories.isDeletable(profiles, "local-file", file)).isFalse();
    assertThat(ProfileDirectories.isDeletable(profiles, "local-none",
        profiles.resolve("local-none"))).isFalse();
    assertThat(ProfileDirectories.deleteIfOurs(profiles, "local-link", link)).isFalse();
    assertThat(target).isDirectory();
  }

  @Test
  void nothingIsDeletableInAProfilesFolderThatIsALink(@TempDir Path tmp) throws Exception {
    Path home = Files.createDirectory(tmp.resolve("home"));
    Path inHome = Files.createDirectory(home.resolve("local-real"));
    Path profiles = Files.createSymbolicLink(tmp.resolve("profiles"), home);
    Path viaLink = profiles.resolve("local-real");
    assertThat(ProfileDirectories.isDeletable(profiles, "local-real", viaLink)).isFalse();
    assertThat(ProfileDirectories.deleteIfOurs(profiles, "local-real", viaLink)).isFalse();
    assertThat(inHome).isDirectory();
  }

  @Test
  void aProfileOrAProfilesFolderOwnedByAnotherUserIsNotDeletable(@TempDir Path tmp)
      throws Exception {
    assumeTrue(PosixUser.isRoot(), "only root can give a directory away");
    Path profiles = Files.createDirectory(tmp.resolve("profiles"));
    Path given = Files.createDirectory(profiles.resolve("local-given"));
    Path mine = Files.createDirectory(profiles.resolve("local-mine"));
    assertThat(ProfileDirectories.isDeletable(profiles, "local-given", given)).isTrue();
    Files.setAttribute(given, "unix:uid", 65534);
    assertThat(ProfileDirectories.isDeletable(profiles, "local-given", given)).isFalse();
    assertThat(ProfileDirectories.deleteIfOurs(profiles, "local-given", given)).isFalse();
    assertThat(given).isDirectory();
    assertThat(ProfileDirectories.isDeletable(profiles, "local-mine", mine)).isTrue();
    Files.setAttribute(profiles, "unix:uid", 65534);
    assertThat(ProfileDirectories.isDeletable(profiles, "local-mine", mine)).isFalse();
    Files.setAttribute(profiles, "unix:uid", 0); // so that @TempDir can clean up as usual
  }
}
