package dev.browsersessions.bench;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionInfo;
import java.util.concurrent.TimeUnit;
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
 * One {@code status} call on loopback: through {@link BrowserSessions} and a provider versus a bare
 * HttpClient plus Jackson, against the same server that answers the vendor's body instantly.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatusBenchmark {

  /** Which vendor's wire format. */
  @Param({"notte", "stagehand"})
  public String vendor;

  private CannedServer server;
  private BrowserSessions library;
  private BareClients bare;
  private String id;

  /**
   * Captures the vendor's body, starts the canned server and both clients.
   *
   * @throws Exception if set-up fails
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] captured = vendor.equals("notte")
        ? Vendors.notteStatusBody() : Vendors.browserbaseStatusBody();
    id = captured[0];
    server = new CannedServer(captured[1]);
    library = BrowserSessions.builder().provider(vendor)
        .config(vendor.equals("notte") ? Vendors.notte(server.baseUrl())
            : Vendors.stagehand(server.baseUrl(), server.baseUrl()))
        .shutdownHook(false).stopSessionsOnClose(false).build();
    bare = new BareClients(server.baseUrl());
    library.status(id);
    bareStatus();
  }

  /** Closes clients and server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    library.close();
    server.close();
  }

  /**
   * Status through the library.
   *
   * @return the session
   */
  @Benchmark
  public SessionInfo library() {
    return library.status(id);
  }

  /**
   * Status with the bare client.
   *
   * @return the decoded body
   */
  @Benchmark
  public Object bare() {
    return bareStatus();
  }

  private Object bareStatus() {
    return vendor.equals("notte") ? bare.notteStatus(id) : bare.browserbaseStatus(id);
  }
}
