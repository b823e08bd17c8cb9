package dev.browsersessions.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.VendorHttp;
import dev.browsersessions.stagehand.StagehandSettings;
import dev.browsersessions.stagehand.internal.http.BrowserbaseClient;
import dev.browsersessions.stagehand.internal.http.EventStreamDecoder;
import dev.browsersessions.stagehand.internal.http.StagehandClient;
import dev.browsersessions.stagehand.internal.wire.ReleaseRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every call of {@link StagehandClient} and {@link BrowserbaseClient}, with the arguments the
 * provider passes, is sent on provider-http's direct path (no Feign target is built), but the
 * Browserbase list, whose {@code @QueryMap} is Feign's to expand. A change of the interfaces that
 * sends a call back through Feign fails here, not only in a benchmark.
 */
class DirectPathTest {

  /** Nothing listens there: each call is built and sent (and refused), which is all that counts. */
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  private static final HttpSettings SETTINGS = HttpSettings.from(ProviderConfig.builder()
      .put("max-retries", "0").build().forProvider("stagehand"));

  private static <T> void assertSentAndRefused(T client, List<Consumer<T>> calls) {
    for (Consumer<T> call : calls) {
      assertThat(catchThrowable(() -> call.accept(client)))
          .isInstanceOf(ProviderUnavailableException.class); // sent, and the connection refused
    }
  }

  @Test
  void everyCallOfStagehandClientIsSentDirectly() {
    Supplier<ObjectMapper> mapper = VendorHttp.lazyMapper();
    VendorHttp http = VendorHttp.builder("stagehand", "Stagehand", SETTINGS).mapper(mapper)
        .decoder(json -> new EventStreamDecoder(json, mapper, "stagehand")).build();
    StagehandClient client = http.client(StagehandClient.class, NOWHERE,
        Map.of("x-bb-api-key", "bb_k", "x-model-api-key", "m_k"));
    StagehandSettings settings = StagehandSettings.builder("bb_k").stagehandUrl(NOWHERE).build();
    List<Consumer<StagehandClient>> calls = List.of(
        c -> c.start(NOWHERE, new RequestMapping(mapper)
            .toStart(SessionRequest.defaults(), settings, "request-1")),
        c -> c.end(NOWHERE, "s-1"));
    assertThat(calls).as("one call per method of StagehandClient")
        .hasSize(StagehandClient.class.getDeclaredMethods().length);
    assertSentAndRefused(client, calls);
    assertThat(http.feignTargetsBuilt()).isZero();
    http.close();
  }

  @Test
  void everyCallOfBrowserbaseClientButTheQueryMapListIsSentDirectly() {
    VendorHttp http = VendorHttp.builder("stagehand", "Browserbase", SETTINGS).build();
    BrowserbaseClient client = http.client(BrowserbaseClient.class, NOWHERE,
        Map.of("X-BB-API-Key", "bb_k"));
    List<Consumer<BrowserbaseClient>> calls = List.of(
        c -> c.get("s-1"),
        c -> c.release("s-1", ReleaseRequest.release()),
        c -> c.debug("s-1"));
    assertThat(calls).as("one call per method of BrowserbaseClient, but list")
        .hasSize(BrowserbaseClient.class.getDeclaredMethods().length - 1);
    assertSentAndRefused(client, calls);
    assertThat(http.feignTargetsBuilt()).isZero();

    assertSentAndRefused(client, List.of(c -> c.list(Map.of("status", "RUNNING"))));
    assertThat(http.feignTargetsBuilt()).as("a query map is Feign's to expand").isEqualTo(1);
    http.close();
  }
}
