package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The one check of ids and URLs a vendor's server sends. */
class ServerDataTest {

  private final ServerData strict = new ServerData("acme", false);

  private SessionInfo.Builder info() {
    return SessionInfo.builder("s-1", "acme", SessionStatus.ACTIVE);
  }

  @Test
  void idsFollowTheRulesOfUserGivenIds() {
    assertThat(strict.id("Kit-1.a_b~c:d@e", "Acme's answer")).isEqualTo("Kit-1.a_b~c:d@e");
    for (String bad : new String[] {"..", "a/b", "a b", "x\u001b[2J", "é", "a".repeat(257)}) {
      assertThatThrownBy(() -> strict.id(bad, "Acme's answer to POST /start"))
          .isInstanceOf(ProviderProtocolException.class)
          .hasMessageStartingWith("Acme's answer to POST /start names a session id")
          .hasMessageNotContaining("\u001b")
          .satisfies(e -> assertThat(((ProviderProtocolException) e).provider()).contains("acme"));
    }
  }

  @Test
  void validIdIsTheIdWhenAUserCouldGiveIt() {
    assertThat(ServerData.validId("Kit-1.a_b~c:d@e")).contains("Kit-1.a_b~c:d@e");
    for (String bad : new String[] {"..", "a/b", "a b", "x\u001b[2J", "a".repeat(257), " ", ""}) {
      assertThat(ServerData.validId(bad)).as(bad).isEmpty();
    }
    assertThat(ServerData.validId(null)).isEmpty();
  }

  @Test
  void textIsOneLineWithoutControlCharactersAndBounded() {
    assertThat(ServerData.text(null)).isNull();
    String plain = "Browserbase status COMPLETED — ok";
    assertThat(ServerData.text(plain)).isSameAs(plain);
    assertThat(ServerData.text("a\r\nX-Injected: 1\tb\u001b[2Jc\u0085d\u2028e\u2029f\u0000"))
        .isEqualTo("a  X-Injected: 1 b c d e f ");
    // each removed escape sequence or character leaves one space (api's ServerText)
    assertThat(ServerData.text("quota \u001b]0;pwned\u0007exceeded \u202eevil"))
        .isEqualTo("quota  exceeded  evil");
    String longText = "\n" + "x".repeat(3 * ServerData.MAX_TEXT);
    assertThat(ServerData.text(longText)).hasSize(ServerData.MAX_TEXT + 1).startsWith(" xxx")
        .endsWith("x…");
    String pairs = "x" + "\uD83D\uDE00".repeat(ServerData.MAX_TEXT); // never cut inside a pair
    assertThat(ServerData.text(pairs)).hasSize(ServerData.MAX_TEXT).endsWith("\uDE00…");
  }

  @Test
  void anAnswerAboutAnotherSessionIsAProtocolError() {
    assertThat(strict.sameId("s-1", "s-1", "w")).isEqualTo("s-1");
    assertThat(strict.sameId("s-1", null, "w")).isEqualTo("s-1");
    assertThatThrownBy(() -> strict.sameId("s-1", "S-1", "Acme's answer"))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessage("Acme's answer is about 'S-1', not about 's-1' that was asked for");
    assertThatThrownBy(() -> strict.sameId("s-1", "../s-1", "w"))
        .isInstanceOf(ProviderProtocolException.class)
        .hasMessageContaining("does not accept");
  }

  @Test
  void cdpUrlsMustBeWssOrWsOnLoopback() {
    assertThat(strict.cdpUrl(info(), "wss://cdp.example.com/x?t=1").build().cdpUrl())
        .contains(URI.create("wss://cdp.example.com/x?t=1"));
    for (String local : new String[] {"ws://127.0.0.1:9222/x", "ws://localhost/x",
        "ws://[::1]:9/x", "WS://127.0.0.2/x"}) {
      assertThat(strict.cdpUrl(info(), local).build().cdpUrl()).isPresent();
    }
    for (String bad : new String[] {"ws://203.0.113.9/x", "ws://localhost.evil.com/x",
        "https://cdp.example.com/x", "file:///etc/passwd", "wss:///no-host", "not a url",
        "/relative"}) {
      SessionInfo s = strict.cdpUrl(info(), bad).build();
      assertThat(s.cdpUrl()).as(bad).isEmpty();
      assertThat(s.attributes()).containsEntry(ServerData.UNSAFE_CDP_URL, bad);
    }
    assertThat(new ServerData("acme", true).cdpUrl(info(), "ws://203.0.113.9/x").build()
        .cdpUrl()).isPresent();
    assertThat(strict.cdpUrl(info(), null).build().attributes()).isEmpty();
  }

  @Test
  void liveViewUrlsMustBeHttpsOrHttpOnLoopbackAndRawTextIsCut() {
    assertThat(strict.liveViewUrl(info(), "https://live.example.com/v").build().liveViewUrl())
        .isPresent();
    assertThat(strict.liveViewUrl(info(), "http://127.0.0.1:8080/v").build().liveViewUrl())
        .isPresent();
    String hostile = "javascript:alert(1)//" + "x".repeat(5000);
    SessionInfo s = strict.liveViewUrl(info(), hostile).build();
    assertThat(s.liveViewUrl()).isEmpty();
    assertThat(s.attributes().get(ServerData.UNSAFE_LIVE_VIEW_URL))
        .isEqualTo(hostile.substring(0, ServerData.MAX_RAW));
  }

  @Test
  void anUnsafeUrlIsKeptAsOneLineWithoutEscapeSequences() {
    SessionInfo s = strict.cdpUrl(info(), "ws://203.0.113.9/x\r\nforged: 1\u001b[2J\u0007")
        .build();
    assertThat((String) s.attributes().get(ServerData.UNSAFE_CDP_URL))
        .startsWith("ws://203.0.113.9/x").contains("forged: 1")
        .doesNotContain("\r", "\n", "\u001b", "[2J", "\u0007");
  }
}
