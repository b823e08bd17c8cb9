package dev.browsersessions.http;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.http.ScriptedServer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One JDK {@code HttpClient} per configuration, shared by every provider built with it, built on
 * the first call and released by the last {@code close()}: building and closing many providers
 * does not add a selector thread per provider, and no worker thread of ours outlives the close.
 */
class SharedHttpClientsTest {

  /** A connect-timeout no other test uses, so that this test's client is its own. */
  private static final HttpSettings SETTINGS = HttpSettings.from(ProviderConfig.builder()
      .put("connect-timeout", "7777ms").put("max-retries", "0").build().forProvider("t"));

  @Test
  void providersWithTheSameSettingsShareOneClientBuiltOnTheFirstCallAndReleasedByTheLastClose()
      throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      VendorHttp first = VendorHttp.builder("t", "Vendor", SETTINGS).build();
      VendorHttp second = VendorHttp.builder("t", "Vendor", SETTINGS).build();
      TestApi a = first.client(TestApi.class, server.base(), Map.of());
      TestApi b = second.client(TestApi.class, server.base(), Map.of());
      assertThat(SharedHttpClients.users(SETTINGS)).as("nothing built before a call").isEqualTo(-1);
      server.then(Answer.of(200, "{}")).then(Answer.of(200, "{}")).then(Answer.of(200, "{}"));
      first.calls().read(() -> a.get("1"));
      second.calls().read(() -> b.get("2"));
      assertThat(SharedHttpClients.users(SETTINGS)).isEqualTo(2);
      first.close();
      first.close();
      assertThat(SharedHttpClients.users(SETTINGS)).as("close is idempotent").isEqualTo(1);
      second.close();
      assertThat(SharedHttpClients.users(SETTINGS)).as("released: kept on 17, shut down on 21+")
          .isLessThanOrEqualTo(0);
      assertThat(first.calls().read(() -> a.get("3"))).as("a call after close still works")
          .isEmpty();
      assertThat(SharedHttpClients.users(SETTINGS)).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void manyProvidersBuiltUsedAndClosedLeaveNoThreadPerProvider() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    try (ScriptedServer server = new ScriptedServer()) {
      for (int i = 0; i < 20; i++) {
        server.then(Answer.of(200, "{}"));
        VendorHttp http = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("2s")).build();
        TestApi api = http.client(TestApi.class, server.base(), Map.of());
        http.calls().read(() -> api.get("x"));
        http.close();
      }
    }
    List<String> selectors = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (before.contains(t)) {
        continue;
      }
      if (t.getName().startsWith("browser-sessions-http")) {
        t.join(SharedHttpClients.IDLE.multipliedBy(10).toMillis()); // ends when idle
        assertThat(t.isAlive()).as("%s ended after close", t.getName()).isFalse();
      } else if (t.getName().endsWith("-SelectorManager") && t.isAlive()) {
        selectors.add(t.getName());
      }
    }
    assertThat(selectors).as("at most the one client of these settings").hasSizeLessThanOrEqualTo(1);
  }
}
