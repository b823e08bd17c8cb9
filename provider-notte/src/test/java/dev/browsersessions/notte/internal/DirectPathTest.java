package dev.browsersessions.notte.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.VendorHttp;
import dev.browsersessions.notte.internal.wire.Cookies;
import dev.browsersessions.notte.internal.wire.LegacyCloseRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every call of {@link NotteApi}, with the arguments the provider passes, is sent on provider-http's
 * direct path: no call builds the Feign target (which would cost a template expansion, a header map
 * copy and a Feign request per call). A change of the interface that sends a call back through
 * Feign fails here, not only in a benchmark.
 */
class DirectPathTest {

  /** Nothing listens there: each call is built and sent (and refused), which is all that counts. */
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  @Test
  void everyCallOfNotteApiIsSentDirectly() {
    HttpSettings settings = HttpSettings.from(ProviderConfig.builder().put("max-retries", "0")
        .build().forProvider("notte"));
    VendorHttp http = VendorHttp.builder("notte", "Notte", settings).quirk(NotteQuirks::adjust)
        .build();
    NotteApi api = http.client(NotteApi.class, NOWHERE, Map.of("Authorization", "Bearer k"));
    List<Consumer<NotteApi>> calls = List.of(
        a -> a.start(StartRequests.idempotencyKey(), StartRequests.body(SessionRequest.defaults())),
        a -> a.status("s-1"),
        a -> a.stop("s-1"),
        a -> a.debug("s-1"),
        a -> a.list(1, 100, true),
        a -> a.cookies("s-1"),
        a -> a.setCookies("s-1", new Cookies(List.of(Map.of("name", "n", "value", "v")))),
        a -> a.stopAgent("agent-1", "s-1"),
        a -> a.legacyClose(new LegacyCloseRequest("s-1")));
    assertThat(calls).as("one call per method of NotteApi")
        .hasSize(NotteApi.class.getDeclaredMethods().length);
    for (Consumer<NotteApi> call : calls) {
      assertThat(catchThrowable(() -> call.accept(api)))
          .isInstanceOf(ProviderUnavailableException.class); // sent, and the connection refused
    }
    assertThat(http.feignTargetsBuilt()).isZero();
    http.close();
  }
}
