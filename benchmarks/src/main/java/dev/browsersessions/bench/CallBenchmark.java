package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code status}, {@code create} or {@code stop} call on loopback: through
 * {@link BrowserSessions} and a provider versus a bare HttpClient plus Jackson, against the same
 * {@link CannedServer}, in a JVM of its own, answering the vendor's documented bodies instantly.
 *
 * <p>{@code create} answers the same session id every time, so the library's leak guard tracks one
 * session, not millions. {@code stop} answers that the session has ended, so a Stagehand stop is
 * {@code end} plus one Browserbase status read on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallBenchmark {

  /** Which vendor's wire format. */
  @Param({"notte", "stagehand"})
  public String vendor;

  /** Which call. */
  @Param({"status", "create", "stop"})
  public String operation;

  private RemoteServer server;
  private BrowserSessions library;
  private Supplier<Object> viaLibrary;
  private Supplier<Object> viaBare;

  /**
   * Captures the vendor's answers, starts the canned server and both clients.
   *
   * @throws Exception if set-up fails
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Vendors.Answers a = Vendors.capture(vendor);
    server = RemoteServer.start(vendor, operation.equals("stop") ? "stopping" : "running");
    library = Vendors.library(vendor, server.baseUrl(), server.baseUrl());
    BareClients bare = new BareClients(server.baseUrl());
    Operation op = Operation.of(operation);
    viaLibrary = () -> op.library(library, a.id());
    viaBare = () -> op.bare(vendor, bare, a.id());
    viaLibrary.get();
    viaBare.get();
  }

  /** Closes clients and server. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    library.close();
    server.close();
  }

  /**
   * The call through the library.
   *
   * @return the result
   */
  @Benchmark
  public Object library() {
    return viaLibrary.get();
  }

  /**
   * The call with the bare client.
   *
   * @return the decoded body
   */
  @Benchmark
  public Object bare() {
    return viaBare.get();
  }
}
