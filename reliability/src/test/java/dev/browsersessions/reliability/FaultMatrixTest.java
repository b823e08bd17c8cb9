package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Every fault × operation × REST provider: the outcome is a documented exception (or success
 * after retries) within the time bound, and no 50 MB body is read to its end. The cells are
 * written to {@code target/fault-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {

  /**
   * Bound of one vendor call, a hang check rather than a speed check. A cell takes about 1.5 s
   * (three attempts, max-retries 2, of the {@value #CELL_REQUEST_TIMEOUT} request timeout), a
   * Stagehand stop about twice that (two chained calls), a create a little more (it looks for a
   * lost create's session for the 300 ms {@code lost-create-wait}): the bound leaves ten times
   * that for a loaded 2-core machine running two test JVMs. It still separates bounded from
   * unbounded: a call whose request timeout is not applied would wait for the stall itself, {@link
   * FaultProxy#HOLD} (120 s, the cell's {@value #CELL_OPERATION_TIMEOUT} operation timeout does
   * not end it first), and one that got the setup client's {@value #SETUP_REQUEST_TIMEOUT}
   * instead would wait that long per attempt: two to four times the bound. Such a call is
   * abandoned at the bound (the cell fails then and is recorded as TIMEOUT), so a broken request
   * timeout fails the matrix in minutes, not hours.
   */
  static final Duration BOUND = Duration.ofSeconds(30);

  /**
   * The session a status, stop or list cell works on is started beforehand by a client with this
   * request timeout, so that a loaded machine cannot fail the cell before its fault; a cell that
   * got it instead of its own would take longer than {@link #BOUND}.
   */
  static final String SETUP_REQUEST_TIMEOUT = "60s";

  /** Request timeout of the client a cell faults: short, so that a stalled answer costs little. */
  static final String CELL_REQUEST_TIMEOUT = "500ms";

  /**
   * Operation timeout of the client a cell faults: far above {@link #BOUND}, so that it cannot
   * hide a request timeout that was not applied (the default, 45 s, would cut such a call at
   * 45 s); the deadline has its own test, {@link DeadlineTest}.
   */
  static final String CELL_OPERATION_TIMEOUT = "5m";

  /** Faults that are also tried once only (a burst): reads must succeed after a retry. */
  static final List<Fault> BURSTS = List.of(Fault.S429, Fault.S429_RETRY_AFTER, Fault.S500,
      Fault.S502, Fault.S503, Fault.S529, Fault.RESET_REQUEST, Fault.EMPTY_REPLY,
      Fault.SLOW_HEADERS, Fault.RESET_RESPONSE, Fault.SLOW_BODY, Fault.LOST_ANSWER,
      Fault.LOST_ANSWER_SLOW);

  enum Op { CREATE, STATUS, STOP, LIST }

  private Target notte;
  private Target stagehand;
  private final Map<String, String> cells = new TreeMap<>();

  @BeforeAll
  void start() throws IOException {
    notte = Target.notte();
    stagehand = Target.stagehand();
    // warm the JVM's HTTP stack, so that the first cell's short request timeout measures the fault
    for (Target t : List.of(notte, stagehand)) {
      try (BrowserSessions warm = t.client(SETUP_REQUEST_TIMEOUT)) {
        warm.stop(warm.start(SessionRequest.defaults()).id());
      }
    }
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

  static Stream<Arguments> cells() {
    List<Arguments> all = new ArrayList<>();
    for (String p : List.of("notte", "stagehand")) {
      for (Op op : Op.values()) {
        for (Fault f : Fault.values()) {
          all.add(Arguments.of(p, op, f, 100));
        }
        for (Fault f : BURSTS) {
          all.add(Arguments.of(p, op, f, 1));
        }
      }
      all.add(Arguments.of(p, Op.CREATE, null, -1));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} x{3}")
  @MethodSource("cells")
  void faultCell(String provider, Op op, Fault fault, int times) {
    Target t = provider.equals("notte") ? notte : stagehand;
    t.clearFaults();
    long hugeBefore = t.hugeBytesWritten();
    long activeBefore = t.activeCount.getAsLong();
    try (BrowserSessions setup = t.client(SETUP_REQUEST_TIMEOUT);
        BrowserSessions client = BrowserSessions.create(provider, t.config()
            .put("request-timeout", CELL_REQUEST_TIMEOUT)
            .put("operation-timeout", CELL_OPERATION_TIMEOUT).build())) {
      String id = op == Op.CREATE ? null : setup.start(SessionRequest.defaults()).id();
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
      long startsBefore = t.startsReceived();
      String cell = fault + " x" + (times == 1 ? "1 (burst)" : "all");
      long start = System.nanoTime();
      Object outcome;
      try {
        // preemptive: a call its request timeout does not cut is abandoned at the bound, not
        // waited for (a stall holds 120 s per attempt, the operation timeout is 5 min)
        outcome = assertTimeoutPreemptively(BOUND, () -> call(client, op, id),
            () -> provider + " " + op + " " + cell + " still running after " + BOUND
                + ": the request timeout " + CELL_REQUEST_TIMEOUT + " did not cut it");
      } catch (AssertionFailedError e) {
        t.clearFaults();
        recordResult(provider, op, cell, "TIMEOUT", Duration.ofNanos(System.nanoTime() - start));
        throw e;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      long injected = t.faultsInjected() - faultsBefore;
      t.clearFaults();
      record(provider, op, cell, outcome, took);
      assertThat(injected).as("the fault was injected (outcome %s)", outcome).isPositive();
      assertThat(took).as("time bound").isLessThan(BOUND);
      assertThat(t.hugeBytesWritten() - hugeBefore).as("50 MB body never read to its end")
          .isLessThan(FaultProxy.HUGE);
      assertExpected(op, fault, times, outcome);
      if (op == Op.CREATE) {
        assertThat(t.startsReceived() - startsBefore).as("one start, never two sessions billed")
            .isLessThanOrEqualTo(1);
      }
      // close() with the faults off stops what the cell left (and a lost create's session)
      cleanUp(client);
      cleanUp(setup);
      assertThat(t.activeCount.getAsLong()).as("active left after close()").isEqualTo(activeBefore);
    }
  }

  /** One call of the cell's operation: its result, or the documented exception it threw. */
  private static Object call(BrowserSessions client, Op op, String id) {
    try {
      return switch (op) {
        case CREATE -> client.start(SessionRequest.defaults()).id();
        case STATUS -> client.status(id).status();
        case STOP -> client.stop(id).status();
        case LIST -> client.list(SessionFilter.all()).size();
      };
    } catch (BrowserSessionException e) {
      return e;
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
      // what it could not stop is checked by the caller: nothing may be left active
    }
  }

  private static void assertExpected(Op op, Fault fault, int times, Object outcome) {
    if (times == 1 && op != Op.CREATE) {
      assertThat(outcome).as("a single transient fault is retried away").isNotInstanceOf(Throwable.class);
      return;
    }
    if (outcome instanceof Throwable e) {
      assertThat(e).isInstanceOfAny(Expected.types(fault).toArray(Class[]::new));
    }
  }

  private void record(String provider, Op op, String fault, Object outcome, Duration took) {
    recordResult(provider, op, fault,
        outcome instanceof Throwable e ? e.getClass().getSimpleName() : "success", took);
  }

  private void recordResult(String provider, Op op, String fault, String result, Duration took) {
    cells.put(provider + op + fault, "| " + provider + " | " + op.name().toLowerCase() + " | " + fault
        + " | " + result + " | " + took.toMillis() + " |\n");
  }
}
