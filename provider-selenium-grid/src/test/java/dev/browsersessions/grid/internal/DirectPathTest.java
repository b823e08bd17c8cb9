package dev.browsersessions.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.grid.internal.wire.GraphQlRequest;
import dev.browsersessions.grid.internal.wire.NewSessionRequest;
import dev.browsersessions.http.HttpSettings;
import dev.browsersessions.http.VendorHttp;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every call of {@link GridApi}, with the arguments the provider passes, is sent on provider-http's
 * direct path: no call builds the Feign target. A change of the interface that sends a call back
 * through Feign fails here, not only in a benchmark. Needs no Grid.
 */
class DirectPathTest {

  /** Nothing listens there: each call is built and sent (and refused), which is all that counts. */
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  @Test
  void everyCallOfGridApiIsSentDirectly() {
    HttpSettings settings = HttpSettings.from(ProviderConfig.builder().put("max-retries", "0")
        .build().forProvider("selenium-grid"));
    VendorHttp http = VendorHttp.builder("selenium-grid", "Selenium Grid", settings)
        .quirk(new GridErrors("selenium-grid")).build();
    GridApi api = http.client(GridApi.class, NOWHERE, Map.of("Authorization", "Basic Y2k6cHc="));
    List<Consumer<GridApi>> calls = List.of(
        a -> a.newSession(NewSessionRequest.alwaysMatch(Map.of("browserName", "chrome"))),
        a -> a.deleteSession("s-1"),
        a -> a.currentUrl("s-1"),
        a -> a.executeScript("s-1", Map.of("script", "return 1", "args", List.of())),
        a -> a.setWindowRect("s-1", Map.of("width", 800, "height", 600)),
        a -> a.graphql(new GraphQlRequest("{ sessionsInfo { sessions { id } } }")));
    assertThat(calls).as("one call per method of GridApi")
        .hasSize(GridApi.class.getDeclaredMethods().length);
    for (Consumer<GridApi> call : calls) {
      assertThat(catchThrowable(() -> call.accept(api)))
          .isInstanceOf(ProviderUnavailableException.class); // sent, and the connection refused
    }
    assertThat(http.feignTargetsBuilt()).isZero();
    http.close();
  }
}
