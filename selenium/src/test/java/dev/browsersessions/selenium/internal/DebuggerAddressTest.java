package dev.browsersessions.selenium.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DebuggerAddressTest {

  @Test
  void aLocalCdpUrlGivesItsHostAndPort() {
    assertThat(DebuggerAddress.of(URI.create("ws://127.0.0.1:41234/devtools/browser/abc")))
        .contains("127.0.0.1:41234");
  }

  @Test
  void tlsOrPortlessUrlsCannotBeAttachedTo() {
    assertThat(DebuggerAddress.of(URI.create("wss://connect.vendor.example:443/x"))).isEmpty();
    assertThat(DebuggerAddress.of(URI.create("ws://127.0.0.1/devtools/browser/abc"))).isEmpty();
  }
}
