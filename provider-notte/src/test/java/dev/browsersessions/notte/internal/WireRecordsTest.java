package dev.browsersessions.notte.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.internal.wire.SessionPage;
import dev.browsersessions.notte.internal.wire.SessionResponse;
import dev.browsersessions.notte.internal.wire.StartSessionRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wire records keep the tolerance and the exact JSON the maps had. */
class WireRecordsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aProviderOptionReplacesAFieldInPlaceAndIsSentLast() throws Exception {
    StartSessionRequest body = StartRequests.body(SessionRequest.builder()
        .idleTimeout(Duration.ofSeconds(61)).headless(true)
        .proxy(ProxySettings.external("http://p:1", "u", "secret-pw"))
        .providerOption("headless", "yes").providerOption("extra", 1).build());

    assertThat(json.writeValueAsString(body)).isEqualTo("{\"idle_timeout_minutes\":2,"
        + "\"headless\":\"yes\",\"proxies\":[{\"type\":\"external\",\"server\":\"http://p:1\","
        + "\"username\":\"u\",\"password\":\"secret-pw\"}],\"solve_captchas\":false,"
        + "\"extra\":1}");
    assertThat(body.toString()).doesNotContain("secret-pw");
    assertThat(StartEcho.describe(body)).doesNotContain("secret-pw").contains("proxies=true");
  }

  @Test
  void aMistypedEchoContradictsAndAnAbsentOneDoesNot() throws Exception {
    StartSessionRequest sent = StartRequests.body(SessionRequest.builder()
        .idleTimeout(Duration.ofMinutes(5)).build());
    SessionResponse mistyped = json.readValue(
        "{\"session_id\":\"s\",\"status\":\"active\",\"idle_timeout_minutes\":\"5\"}",
        SessionResponse.class);
    SessionResponse silent = json.readValue("{\"session_id\":\"s\",\"status\":\"active\"}",
        SessionResponse.class);
    SessionResponse same = json.readValue(
        "{\"session_id\":\"s\",\"status\":\"active\",\"idle_timeout_minutes\":5.0}",
        SessionResponse.class);

    assertThat(mistyped.idleTimeoutMinutes()).isNull();
    assertThat(StartEcho.matches(sent, mistyped)).isFalse();
    assertThat(StartEcho.matches(sent, silent)).isTrue();
    assertThat(StartEcho.matches(sent, same)).isTrue();
  }

  @Test
  void aPageOrABareArrayIsReadAndAnItemThatIsNotAnObjectIsKept() throws Exception {
    SessionPage page = json.readValue(
        "{\"items\":[{\"session_id\":\"a\",\"status\":\"active\"}],\"has_next\":true}",
        SessionPage.class);
    SessionPage bare = json.readValue("[\"x\",{\"session_id\":\"b\"}]", SessionPage.class);
    SessionPage none = json.readValue("{\"total\":0}", SessionPage.class);

    assertThat(page.hasNext()).isTrue();
    assertThat(page.items()).extracting(SessionResponse::sessionId).containsExactly("a");
    assertThat(bare.hasNext()).isFalse();
    assertThat(bare.items().get(0).notAnObject()).isEqualTo("x");
    assertThat(bare.items().get(1).sessionId()).isEqualTo("b");
    assertThat(none.items()).isNull();
    assertThat(none.excerpt()).contains("total");
  }
}
