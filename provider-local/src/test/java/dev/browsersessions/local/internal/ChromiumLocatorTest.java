package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumLocatorTest {

  @TempDir Path dir;

  private Path executable(String name) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void findsTheFirstKnownNameOnThePath() throws Exception {
    Path chromium = executable("chromium-browser");
    assertThat(ChromiumLocator.locate(Optional.empty(), "/nonexistent:" + dir)).isEqualTo(chromium);
  }

  @Test
  void explicitPathWins() throws Exception {
    Path custom = executable("my-chrome");
    executable("chromium");
    assertThat(ChromiumLocator.locate(Optional.of(custom.toString()), dir.toString()))
        .isEqualTo(custom);
  }

  @Test
  void explicitPathThatIsNotExecutableNamesTheKey() {
    assertThatThrownBy(() -> ChromiumLocator.locate(Optional.of("/no/such/chrome"), null))
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("chrome-path"))
        .hasMessageContaining("/no/such/chrome");
  }

  @Test
  void nothingFoundSaysHowToInstall() {
    assertThatThrownBy(() -> ChromiumLocator.locate(Optional.empty(), dir.toString()))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("apt-get install chromium")
        .hasMessageContaining("CHROME_PATH");
  }
}
