package dev.browsersessions.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChromiumCommandTest {

  private static final Path BIN = Path.of("/usr/bin/chromium");
  private static final Path PROFILE = Path.of("/tmp/p1");
  private static final Optional<String> NO_SIZE = Optional.empty();

  @Test
  void defaultsAreHeadlessWithTheQuietFlagsAFreshProfileAndABlankPage() {
    List<String> cmd =
        ChromiumCommand.build(BIN, PROFILE, SessionRequest.defaults(), null, false, NO_SIZE);
    assertThat(cmd.get(0)).isEqualTo("/usr/bin/chromium");
    assertThat(cmd).doesNotContain("--no-sandbox");
    assertThat(cmd)
        .contains("--headless=new", "--remote-debugging-port=0",
            "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=/tmp/p1")
        .endsWith("about:blank");
  }

  @Test
  void mapsViewportUserAgentAndProxy() {
    SessionRequest r = SessionRequest.builder().viewport(1280, 720).userAgent("agent/1")
        .proxy(ProxySettings.external("http://127.0.0.1:3128")).build();
    assertThat(ChromiumCommand.build(BIN, PROFILE, r, null, true, Optional.of("1280,863")))
        .contains("--no-sandbox", "--window-size=1280,863", "--user-agent=agent/1",
            "--proxy-server=http://127.0.0.1:3128");
  }

  @Test
  void headfulNeedsADisplay() {
    SessionRequest r = SessionRequest.builder().headless(false).build();
    assertThatThrownBy(() -> ChromiumCommand.build(BIN, PROFILE, r, null, false, NO_SIZE))
        .isInstanceOf(InvalidSessionRequestException.class)
        .hasMessageContaining("DISPLAY");
    assertThat(ChromiumCommand.build(BIN, PROFILE, r, ":99", false, NO_SIZE))
        .doesNotContain("--headless=new");
  }

  @Test
  void proxyCredentialsAreRefusedWithoutShowingThePassword() {
    SessionRequest r = SessionRequest.builder()
        .proxy(ProxySettings.external("http://p:1", "user", "hunter2")).build();
    assertThatThrownBy(() -> ChromiumCommand.build(BIN, PROFILE, r, null, false, NO_SIZE))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class, e -> {
          assertThat(e.field()).contains("proxy.username");
          assertThat(e.getMessage()).doesNotContain("hunter2");
        });
  }
}
