package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style: 1,000 seeded malformed bodies per provider and operation (status, list) give a
 * {@link ProviderProtocolException} or a tolerant result, never another exception.
 */
class MalformedBodyTest {

  static final int BODIES = 1_000;
  static final int CHUNKS = 10;

  static Stream<Arguments> chunks() {
    List<Arguments> all = new ArrayList<>();
    for (String p : List.of("notte", "stagehand")) {
      for (int c = 0; c < CHUNKS; c++) {
        all.add(Arguments.of(p, c));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("chunks")
  void malformedBodiesAreProtocolErrorsOrTolerated(String provider, int chunk) throws Exception {
    Random random = new Random(6_000L + chunk);
    try (Target t = Target.of(provider);
        BrowserSessions client = t.client()) {
      String id = client.start(SessionRequest.defaults()).id();
      FaultProxy proxy = t.proxies.get(t.proxies.size() - 1);
      for (int i = 0; i < BODIES / CHUNKS; i++) {
        String body = MalformedBodies.body(random);
        boolean status = (i & 1) == 0;
        proxy.customBody = body;
        proxy.bodyRule = new FaultProxy.Rule("GET", status ? t.sessions + "/" + id : t.sessions + "?",
            FaultProxy.Fault.MALFORMED_JSON, 1);
        try {
          Object result = status ? client.status(id) : client.list(SessionFilter.all());
          assertThat(result).isNotNull();
        } catch (ProviderProtocolException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException other) {
          throw new AssertionError("body #" + i + " (" + body.length() + " chars: "
              + body.substring(0, Math.min(80, body.length())) + ") gave " + other, other);
        }
      }
      proxy.bodyRule = null;
      client.stop(id);
    }
  }
}
