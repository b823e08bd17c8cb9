package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.reliability.FaultProxy.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault × operation × REST provider: the outcome is a documented exception (or success
 * after retries) within the time bound, and no 50 MB body is read to its end. The cells are
 * written to {@code target/fault-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {

  /**
   * Bound of one vendor call: three attempts (max-retries 2) of the request timeout
   * ({@value Target#REQUEST_TIMEOUT}) plus backoffs and slack for a loaded machine. A Stagehand
   * stop makes two chained calls (Stagehand end, then Browserbase), so it gets twice this.
   */
  static final Duration BOUND = Duration.ofMillis(3_000);

  /** Faults that are also tried once only (a burst): reads must succeed after a retry. */
  static final List<Fault> BURSTS = List.of(Fault.S429, Fault.S429_RETRY_AFTER, Fault.S500,
      Fault.S502, Fault.S503, Fault.S529, Fault.RESET_REQUEST, Fault.EMPTY_REPLY,
      Fault.SLOW_HEADERS, Fault.RESET_RESPONSE, Fault.SLOW_BODY);

  /**
   * Faults whose documented outcome needs the provider-http change that bounds the body by the
   * request timeout and treats a reset after the headers as a transport failure (retryable).
   */
  static final List<Fault> AFTER_HTTP_FIX = List.of(Fault.RESET_RESPONSE, Fault.SLOW_BODY);

  enum Op { CREATE, STATUS, STOP, LIST }

  private Target notte;
  private Target stagehand;
  private final Map<String, String> cells = new TreeMap<>();

  @BeforeAll
  void start() throws IOException {
    notte = Target.notte();
    stagehand = Target.stagehand();
  }

  @AfterAll
  void stop() throws Exception {
    StringBuilder b = new StringBuilder("| provider | operation | fault | outcome | ms |\n| --- | --- | --- | --- | --- |\n");
    cells.values().forEach(b::append);
    Path out = Path.of("target", "fault-matrix.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, b);
    notte.close();
    stagehand.close();
  }

  Stream<Arguments> cells() {
    return cells(f -> !AFTER_HTTP_FIX.contains(f), true);
  }

  Stream<Arguments> afterHttpFixCells() {
    return cells(AFTER_HTTP_FIX::contains, false);
  }

  private static Stream<Arguments> cells(Predicate<Fault> included, boolean refused) {
    List<Arguments> all = new ArrayList<>();
    for (String p : List.of("notte", "stagehand")) {
      for (Op op : Op.values()) {
        for (Fault f : Fault.values()) {
          if (included.test(f)) {
            all.add(Arguments.of(p, op, f, 100));
          }
        }
        for (Fault f : BURSTS) {
          if (included.test(f)) {
            all.add(Arguments.of(p, op, f, 1));
          }
        }
      }
      if (refused) {
        all.add(Arguments.of(p, Op.CREATE, null, -1));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} x{3}")
  @MethodSource("cells")
  void faultCell(String provider, Op op, Fault fault, int times) {
    run(provider, op, fault, times);
  }

  @Disabled("waiting for provider-http fix: request-timeout must bound the body (SLOW_BODY blocks "
      + "20 s, then ProviderProtocolException) and a reset after the headers must be "
      + "ProviderUnavailableException, retried on reads (now ProviderProtocolException)")
  @ParameterizedTest(name = "{0} {1} {2} x{3}")
  @MethodSource("afterHttpFixCells")
  void afterHttpFixCell(String provider, Op op, Fault fault, int times) {
    run(provider, op, fault, times);
  }

  private void run(String provider, Op op, Fault fault, int times) {
    Target t = provider.equals("notte") ? notte : stagehand;
    t.clearFaults();
    long hugeBefore = t.hugeBytesWritten();
    try (BrowserSessions client = t.client()) {
      String id = op == Op.CREATE ? null : client.start(SessionRequest.defaults()).id();
      if (fault == null) {
        refusedConnection(t, provider);
        return;
      }
      String method = switch (op) {
        case CREATE -> "POST";
        case STATUS, LIST -> "GET";
        case STOP -> null;
      };
      String prefix = switch (op) {
        case CREATE -> t.sessions + "/start";
        case STATUS, STOP -> t.sessions + "/" + id;
        // GET on the collection: Notte pages with a query, Browserbase lists all without one
        case LIST -> t.sessions;
      };
      t.fault(method, prefix, fault, times);
      long faultsBefore = t.faultsInjected();
      long start = System.nanoTime();
      Object outcome;
      try {
        outcome = switch (op) {
          case CREATE -> client.start(SessionRequest.defaults()).id();
          case STATUS -> client.status(id).status();
          case STOP -> client.stop(id).status();
          case LIST -> client.list(SessionFilter.all()).size();
        };
      } catch (BrowserSessionException e) {
        outcome = e;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      long injected = t.faultsInjected() - faultsBefore;
      t.clearFaults();
      record(provider, op, fault + " x" + (times == 1 ? "1 (burst)" : "all"), outcome, took);
      assertThat(injected).as("the fault was injected").isPositive();
      Duration bound = provider.equals("stagehand") && op == Op.STOP ? BOUND.multipliedBy(2) : BOUND;
      assertThat(took).as("time bound").isLessThan(bound);
      assertThat(t.hugeBytesWritten() - hugeBefore).as("50 MB body never read to its end")
          .isLessThan(FaultProxy.HUGE);
      assertExpected(op, fault, times, outcome);
      // leave the server clean for the next cell
      cleanUp(client);
    }
  }

  private void refusedConnection(Target t, String provider) {
    BrowserSessions refused = BrowserSessions.create(provider,
        t.config().put(provider.equals("notte") ? "base-url" : "stagehand-url",
            "http://127.0.0.1:" + FreePort.closed()).build());
    long start = System.nanoTime();
    Object outcome;
    try {
      outcome = refused.start(SessionRequest.defaults()).id();
    } catch (BrowserSessionException e) {
      outcome = e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    record(provider, Op.CREATE, "CONNECTION_REFUSED", outcome, took);
    assertThat(took).isLessThan(BOUND);
    assertThat(outcome).isInstanceOf(dev.browsersessions.ProviderUnavailableException.class);
    refused.close();
  }

  private static void cleanUp(BrowserSessions client) {
    try {
      client.close();
    } catch (SessionCleanupException e) {
      // a session whose stop failed under the fault: stopped below without faults
    }
  }

  private static void assertExpected(Op op, Fault fault, int times, Object outcome) {
    if (times == 1 && op != Op.CREATE) {
      assertThat(outcome).as("a single transient fault is retried away").isNotInstanceOf(Throwable.class);
      return;
    }
    if (outcome instanceof Throwable e) {
      assertThat(e).isInstanceOf(Expected.type(fault));
    }
  }

  private void record(String provider, Op op, String fault, Object outcome, Duration took) {
    String result = outcome instanceof Throwable e ? e.getClass().getSimpleName() : "success";
    cells.put(provider + op + fault, "| " + provider + " | " + op.name().toLowerCase() + " | " + fault
        + " | " + result + " | " + took.toMillis() + " |\n");
  }
}
