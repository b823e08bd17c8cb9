package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direct path ({@link DirectTarget}) sends what Feign's own templates send, byte for byte, and
 * hands over to Feign whatever it does not resolve itself.
 */
class DirectTargetTest {

  private static final String KEY = "sk-direct-SECRET-42";

  /** Every shape of request the providers declare, and some they do not. */
  interface Shapes {
    @RequestLine("GET /s/{id}")
    Map<String, Object> get(@Param("id") String id);

    @RequestLine("GET /s?page={page}&size={size}&active={active}")
    List<Object> page(@Param("page") int page, @Param("size") int size,
        @Param("active") boolean active);

    @RequestLine("DELETE /a/{agent}/stop?session_id={session}")
    Map<String, Object> stopAgent(@Param("agent") String agent, @Param("session") String session);

    @RequestLine("POST /s/start")
    @Headers({"Content-Type: application/json", "Idempotency-Key: {key}", "X-Two: a", "X-Two: b"})
    Map<String, Object> start(@Param("key") String key, Map<String, Object> body);

    @RequestLine("POST /v1/s/{id}/end")
    @Headers({"Accept: application/json", "x-stream-response: false"})
    Map<String, Object> end(URI host, @Param("id") String id);

    @RequestLine("POST /s/{id}/void")
    void touch(@Param("id") String id);

    @RequestLine("GET /q")
    List<Object> query(@QueryMap Map<String, Object> query);
  }

  private static ScriptedServer server;
  private static VendorHttp http;
  private static Shapes direct;
  private static Shapes feign;

  @BeforeAll
  static void start() throws IOException {
    server = new ScriptedServer();
    http = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("5s")).redact(KEY).build();
    Map<String, String> auth = Map.of("Authorization", "Bearer " + KEY + "{not-a-template}");
    URI base = URI.create(server.base() + "/api/");
    direct = http.client(Shapes.class, base, auth);
    feign = http.feignClient(Shapes.class, base, auth);
  }

  @AfterAll
  static void stop() {
    server.close();
    http.close();
  }

  /** The two requests the server received for one call made each way. */
  private static List<ScriptedServer.Received> both(String answer, Consumer<Shapes> call) {
    server.received.clear();
    server.then(ScriptedServer.Answer.of(200, answer)).then(ScriptedServer.Answer.of(200, answer));
    call.accept(direct);
    call.accept(feign);
    assertThat(server.received).hasSize(2);
    return new ArrayList<>(server.received);
  }

  private static void assertSame(List<ScriptedServer.Received> r) {
    ScriptedServer.Received d = r.get(0);
    ScriptedServer.Received f = r.get(1);
    assertThat(d.method()).isEqualTo(f.method());
    assertThat(d.path()).isEqualTo(f.path());
    assertThat(d.query()).isEqualTo(f.query());
    assertThat(d.body()).isEqualTo(f.body());
    assertThat(new TreeMap<>(d.headers())).isEqualTo(new TreeMap<>(f.headers()));
  }

  @Test
  void pathParameterIsSentAsFeignSendsIt() {
    List<ScriptedServer.Received> r = both("{\"id\":\"x\"}", s -> s.get("Ab-9._~z"));
    assertSame(r);
    assertThat(r.get(0).path()).isEqualTo("/api/s/Ab-9._~z");
    assertThat(r.get(0).headers().get("Authorization"))
        .containsExactly("Bearer " + KEY + "{not-a-template}");
  }

  @Test
  void queryParametersAreSentInOrder() {
    List<ScriptedServer.Received> r = both("[]", s -> s.page(2, 100, true));
    assertSame(r);
    assertThat(r.get(0).query()).isEqualTo("page=2&size=100&active=true");
    assertSame(both("{}", s -> s.stopAgent("agent-1", "sess-2")));
  }

  @Test
  void templatedAndRepeatedHeadersAndBodyAreSentAsFeignSendsThem() {
    List<ScriptedServer.Received> r =
        both("{}", s -> s.start("0123abcdef", Map.of("keep_alive", true, "n", 3)));
    assertSame(r);
    assertThat(r.get(0).headers().get("Idempotency-key")).containsExactly("0123abcdef");
    assertThat(r.get(0).headers().get("X-two")).containsExactly("a, b");
  }

  @Test
  void hostArgumentReplacesTheBaseUrl() {
    URI host = URI.create(server.base().toString());
    List<ScriptedServer.Received> r = both("{}", s -> s.end(host, "s-1"));
    assertSame(r);
    assertThat(r.get(0).path()).isEqualTo("/v1/s/s-1/end");
  }

  @Test
  void voidMethodSendsAndReturns() {
    assertSame(both("", s -> s.touch("s-1")));
  }

  @Test
  void argumentsThatNeedEncodingGoThroughFeign() {
    for (String id : new String[] {"a:b@c", "a b", "a/b", "é", "a%2Fb"}) {
      assertSame(both("{}", s -> s.get(id)));
    }
    assertSame(both("{}", s -> s.stopAgent("a", null)));
  }

  @Test
  void queryMapMethodGoesThroughFeign() {
    List<ScriptedServer.Received> r = both("[]", s -> s.query(Map.of("status", "active")));
    assertSame(r);
    assertThat(r.get(0).query()).isEqualTo("status=active");
  }

  @Test
  void answersAreDecodedAndErrorsMappedAlike() {
    server.then(ScriptedServer.Answer.of(200, "{\"id\":\"s-1\",\"n\":2}"));
    assertThat(direct.get("s-1")).containsEntry("id", "s-1").containsEntry("n", 2);
    for (ScriptedServer.Answer bad : List.of(
        ScriptedServer.Answer.of(404, "{\"message\":\"no session " + KEY + "\"}"),
        ScriptedServer.Answer.of(503, "down", Map.of("Retry-After", "3")),
        ScriptedServer.Answer.of(200, "{\"id\": tru"))) {
      server.then(bad).then(bad);
      Throwable d = catchThrowable(() -> direct.get("s-1"));
      Throwable f = catchThrowable(() -> feign.get("s-1"));
      if (f instanceof feign.codec.DecodeException && f.getCause() != null) {
        f = f.getCause(); // Feign wraps its decoder's exception; VendorCalls unwraps it
      }
      assertThat(d).isNotNull().hasSameClassAs(f).hasMessage(f.getMessage())
          .hasMessageNotContaining(KEY);
      assertThat(d.getCause() == null ? null : d.getCause().getClass())
          .isEqualTo(f.getCause() == null ? null : f.getCause().getClass());
    }
  }

  /** Settings whose connect-timeout no other test uses: their shared HTTP client is this test's. */
  private static HttpSettings ownClient(String connectTimeout) {
    return HttpSettings.from(dev.browsersessions.ProviderConfig.builder()
        .put("connect-timeout", connectTimeout).build().forProvider("t"));
  }

  @Test
  void warmUpBuildsTheHttpClientWithoutHoldingItAndSendsNothing() throws Exception {
    HttpSettings settings = ownClient("7781ms");
    VendorHttp fresh = VendorHttp.builder("t", "Vendor", settings).build();
    fresh.client(Shapes.class, server.base(), Map.of());
    server.received.clear();
    assertThat(SharedHttpClients.users(settings)).isEqualTo(-1);
    fresh.warmUp();
    fresh.warmUp();
    fresh.warmedUp().get(30, java.util.concurrent.TimeUnit.SECONDS);
    // built (Java 17 keeps a released client for the next provider; Java 21+ shuts it down), and
    // not held: a provider built and never used keeps no client alive
    assertThat(SharedHttpClients.users(settings))
        .isEqualTo(Runtime.version().feature() >= 21 ? -1 : 0);
    assertThat(server.received).isEmpty();
    assertThat(fresh.targetsKept()).as("prepared clients are not kept for the warm-up").isZero();
    server.then(ScriptedServer.Answer.of(200, "{}"));
    fresh.client(Shapes.class, server.base(), Map.of()).get("s-1");
    assertThat(fresh.targetsKept()).as("nor clients made after it").isZero();
    assertThat(SharedHttpClients.users(settings)).as("the first call's lease").isEqualTo(1);
    fresh.close();
    assertThat(SharedHttpClients.users(settings)).isLessThanOrEqualTo(0);
  }

  @Test
  void oneWarmUpPreparesEveryPlumbingOfAProvider() throws Exception {
    HttpSettings settings = ownClient("7783ms");
    VendorHttp one = VendorHttp.builder("t", "Vendor", settings).build();
    VendorHttp two = VendorHttp.builder("t", "Other", settings).build();
    one.client(Shapes.class, server.base(), Map.of());
    two.client(Shapes.class, server.base(), Map.of());
    server.received.clear();
    VendorHttp.warmUp(List.of(one, two));
    one.warmedUp().get(30, java.util.concurrent.TimeUnit.SECONDS);
    two.warmedUp().get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(SharedHttpClients.users(settings)).isLessThanOrEqualTo(0);
    assertThat(server.received).isEmpty();
    one.close();
    two.close();
  }

  @Test
  void warmUpAfterCloseTakesNothing() throws Exception {
    HttpSettings settings = ownClient("7782ms");
    VendorHttp fresh = VendorHttp.builder("t", "Vendor", settings).build();
    fresh.client(Shapes.class, server.base(), Map.of());
    fresh.close();
    fresh.warmUp();
    fresh.warmedUp().get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(SharedHttpClients.users(settings)).isEqualTo(-1);
  }

  @Test
  void sequentialCallsReuseOneConnection() {
    server.received.clear();
    server.ports.clear();
    String big = "{\"id\":\"s-1\",\"pad\":\"" + "x".repeat(100_000) + "\"}";
    for (int i = 0; i < 10; i++) {
      server.then(ScriptedServer.Answer.of(200, i % 2 == 0 ? "{\"id\":\"s-1\"}" : big));
      assertThat(direct.get("s-1")).containsEntry("id", "s-1");
    }
    server.then(ScriptedServer.Answer.of(404, "{\"message\":\"gone\"}"));
    assertThat(catchThrowable(() -> direct.get("s-1"))).isNotNull();
    server.then(ScriptedServer.Answer.of(200, "{\"id\":\"s-1\"}"));
    assertThat(direct.get("s-1")).containsEntry("id", "s-1");
    assertThat(server.ports).as("every answer read to its end hands its connection back")
        .hasSize(1);
  }

  /**
   * The shapes of {@link Shapes}; each provider module checks its real interfaces the same way,
   * by calling every method and counting Feign targets built ({@code DirectPathTest}).
   */
  @Test
  void everyShapeTheProvidersDeclareIsSentDirectly() throws NoSuchMethodException {
    DirectTarget target = DirectTarget.of(direct);
    // path parameters, query templates, a templated header, a host argument, a body, no answer
    for (String name : new String[] {"get", "page", "stopAgent", "start", "end", "touch"}) {
      java.lang.reflect.Method m = java.util.Arrays.stream(Shapes.class.getMethods())
          .filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
      assertThat(target.direct(m)).as(name).isTrue();
    }
    assertThat(target.direct(Shapes.class.getMethod("query", Map.class)))
        .as("a query map is Feign's to expand").isFalse();
  }

  @Test
  void onlyACallTheDirectPathDoesNotResolveBuildsTheFeignTarget() {
    VendorHttp counted = VendorHttp.builder("t", "Vendor", TestApi.quickRetries("5s")).build();
    Shapes client = counted.client(Shapes.class, server.base(), Map.of());
    server.then(ScriptedServer.Answer.of(200, "{}")).then(ScriptedServer.Answer.of(200, "[]"))
        .then(ScriptedServer.Answer.of(200, "[]")).then(ScriptedServer.Answer.of(200, "[]"));
    client.get("s-1");
    client.page(1, 2, false);
    assertThat(counted.feignTargetsBuilt()).isZero();
    client.query(Map.of("status", "active"));
    client.query(Map.of("status", "closed"));
    assertThat(counted.feignTargetsBuilt()).as("built once, on the first query-map call")
        .isEqualTo(1);
    counted.close();
  }

  @Test
  void aBodyLongerThanTheTrustedLengthIsStillReadWhole() {
    String big = "{\"id\":\"s-1\",\"pad\":\"" + "y".repeat(3 * BoundedBody.TRUSTED_LENGTH) + "\"}";
    server.then(ScriptedServer.Answer.of(200, big));
    assertThat(direct.get("s-1")).containsEntry("id", "s-1")
        .hasEntrySatisfying("pad", v -> assertThat((String) v).hasSize(3 * BoundedBody.TRUSTED_LENGTH));
  }
}
