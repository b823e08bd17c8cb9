package dev.browsersessions.notte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.notte.internal.NotteProvider;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.notte.sim.NotteSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Measures one {@code status} call through the provider against the same request made with a
 * bare {@link HttpClient}, on the same loopback simulator, and prints the medians and the bytes
 * each allocates on the calling thread (HttpClient's own threads are not counted). It asserts
 * only that both paths worked: a test never asserts on speed. A measurement, tagged {@code
 * measurement}: not part of the default build; run it with {@code ./mvnw -pl provider-notte verify
 * -Dsurefire.excludedGroups=live -Dtest=StatusOverheadTest}.
 */
@org.junit.jupiter.api.Tag("measurement")
class StatusOverheadTest {

  private static final int WARMUP = 500;
  private static final int CALLS = 2_000;

  /** Bytes allocated by this thread so far (0 where the JVM cannot say). */
  private static long allocated() {
    return java.lang.management.ManagementFactory.getThreadMXBean()
        instanceof com.sun.management.ThreadMXBean t
        ? t.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
  }

  @Test
  void printsTheMedianOverheadOfAStatusCall() throws Exception {
    try (NotteSimulator sim = new NotteSimulator(MutableClock.startingNow(), "k")) {
      NotteProvider notte = NotteProviders.create(ProviderConfig.builder().put("api-key", "k")
          .put("base-url", sim.baseUrl().toString()).build());
      SessionInfo s = notte.create(SessionRequest.defaults());
      HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sessions/" + s.id()))
          .header("Authorization", "Bearer k").header("Accept", "application/json").build();
      com.fasterxml.jackson.databind.ObjectMapper mapper =
          new com.fasterxml.jackson.databind.ObjectMapper();

      long[] lib = new long[CALLS];
      long[] raw = new long[CALLS];
      long[] mapped = new long[CALLS];
      long libBytes = 0;
      long rawBytes = 0;
      long mappedBytes = 0;
      for (int round = 0; round < 2; round++) { // round 0 warms up both paths
        int n = round == 0 ? WARMUP : CALLS;
        for (int i = 0; i < n; i++) {
          long a0 = allocated();
          long t0 = System.nanoTime();
          SessionInfo info = notte.status(s.id());
          long t1 = System.nanoTime();
          long a1 = allocated();
          HttpResponse<String> r = bare.send(req, HttpResponse.BodyHandlers.ofString());
          String status = mapper.readTree(r.body()).path("status").asText();
          long t2 = System.nanoTime();
          long a2 = allocated();
          // the bare client plus this provider's mapping: binding the bytes, then SessionInfo
          HttpResponse<byte[]> rb = bare.send(req, HttpResponse.BodyHandlers.ofByteArray());
          SessionInfo viaMapping = dev.browsersessions.notte.internal.SessionResponses.toInfo(
              mapper.readValue(rb.body(),
                  dev.browsersessions.notte.internal.wire.SessionResponse.class), "notte",
              new dev.browsersessions.http.ServerData("notte", false), "the status answer");
          long t3 = System.nanoTime();
          long a3 = allocated();
          if (round == 1) {
            lib[i] = t1 - t0;
            raw[i] = t2 - t1;
            mapped[i] = t3 - t2;
            libBytes += a1 - a0;
            rawBytes += a2 - a1;
            mappedBytes += a3 - a2;
          }
          assertThat(viaMapping.id()).isEqualTo(s.id());
          assertThat(info.id()).isEqualTo(s.id());
          assertThat(status).isEqualTo("active");
        }
      }
      sim.received.clear();
      Arrays.sort(lib);
      Arrays.sort(raw);
      Arrays.sort(mapped);
      System.out.printf(
          "[notte] status over loopback, median of %d: provider %.1f µs, bare HttpClient+Jackson"
              + " %.1f µs, ratio %.2f (p99 %.1f vs %.1f µs)%n",
          CALLS, lib[CALLS / 2] / 1e3, raw[CALLS / 2] / 1e3,
          (double) lib[CALLS / 2] / raw[CALLS / 2], lib[CALLS * 99 / 100] / 1e3,
          raw[CALLS * 99 / 100] / 1e3);
      System.out.printf("[notte] bare HttpClient + this provider's mapping (bytes bound to a SessionResponse,"
          + " then SessionInfo): median %.1f µs%n", mapped[CALLS / 2] / 1e3);
      System.out.printf("[notte] status allocation on the calling thread, mean of %d: provider"
              + " %d B, bare %d B (ratio %.2f), bare + mapping %d B%n", CALLS, libBytes / CALLS,
          rawBytes / CALLS, (double) libBytes / Math.max(1, rawBytes), mappedBytes / CALLS);
      notte.stop(s.id());
    }
  }
}
