package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.notte.sim.LogCapture;
import dev.browsersessions.reliability.FaultProxy.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With java.util.logging (which also backs System.Logger) at ALL, every fault on every operation,
 * plus bodies that echo the key: the key never appears in logs, stdout/stderr, exception messages,
 * stack traces or toString().
 */
class SecretsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"notte", "stagehand"})
  void theKeyNeverLeaks(String provider) throws Exception {
    List<String> seen = new ArrayList<>();
    LogCapture capture = LogCapture.logsAndConsole();
    System.getLogger("dev.browsersessions").log(System.Logger.Level.TRACE, "capture check");
    String key;
    try (Target t = Target.of(provider)) {
      key = provider.equals("notte") ? Target.NOTTE_KEY : Target.BB_KEY;
      seen.add(t.config().build().toString());
      BrowserSessions client = t.client();
      seen.add(client.toString());
      String id = client.start(SessionRequest.defaults()).id();
      for (Fault f : Fault.values()) {
        if (f.stalls()) {
          continue;
        }
        t.fault(null, t.sessions, f, 100);
        seen.add(failure(() -> client.start(SessionRequest.defaults())));
        seen.add(failure(() -> client.status(id)));
        seen.add(failure(() -> client.list(SessionFilter.all())));
        seen.add(failure(() -> client.stop(id)));
        t.clearFaults();
      }
      FaultProxy proxy = t.proxies.get(t.proxies.size() - 1);
      proxy.customBody = "{\"message\":\"bad key " + key + "\",\"id\":\"" + key + "\"";
      proxy.bodyRule = new FaultProxy.Rule("GET", t.sessions, Fault.MALFORMED_JSON, 1);
      seen.add(failure(() -> client.status(id)));
      seen.add(failure(() -> client.list(SessionFilter.all())));
      proxy.bodyRule = null;
      seen.add(failure(() -> BrowserSessions.create(provider,
          t.config().put("request-timeout", "-1s").build())));
      seen.add(failure(client::close));
    } finally {
      capture.close();
    }
    assertThat(capture.size()).as("the logs were captured").isPositive();
    seen.add(capture.text());
    assertThat(seen).as("something was captured").hasSizeGreaterThan(50);
    assertThat(String.join("\n", seen)).doesNotContain(key);
  }

  private static String failure(Runnable r) {
    return failure(() -> {
      r.run();
      return "no failure";
    });
  }

  private static String failure(Supplier<?> s) {
    try {
      return String.valueOf(s.get());
    } catch (RuntimeException e) {
      return e + "\n" + LogCapture.trace(e);
    }
  }
}
