package dev.browsersessions.micrometer;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.observe.CallObserver;
import dev.browsersessions.observe.CallStarted;
import dev.browsersessions.observe.SessionListener;
import dev.browsersessions.spi.BrowserSessionProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the listener path: a client call on a provider that does no work, with no listener,
 * a listener that ignores calls, one that hears every end, and the Micrometer listener on a
 * {@code SimpleMeterRegistry}. Not a test; run it as the README says (with {@code -prof gc} for
 * bytes per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgs = "-Xshare:off")
public class ListenerOverheadBenchmark {

  /** Which listener the client has. */
  @Param({"none", "ignoring", "counting", "micrometer"})
  public String listener;

  private BrowserSessions sessions;

  /** Created by JMH. */
  public ListenerOverheadBenchmark() {}

  @Setup
  public void setup() {
    BrowserSessions.Builder b =
        BrowserSessions.builder().provider(new Idle()).discoverListeners(false);
    switch (listener) {
      case "none" -> {}
      case "ignoring" -> b.listener(new SessionListener() {});
      case "counting" -> b.listener(new Counting());
      case "micrometer" -> b.listener(MicrometerSessionListener.of(new SimpleMeterRegistry()));
      default -> throw new IllegalArgumentException(listener);
    }
    sessions = b.build();
  }

  @TearDown
  public void tearDown() {
    sessions.close();
  }

  /** One status call. */
  @Benchmark
  public SessionInfo status() {
    return sessions.status("s-1");
  }

  /** A start and a stop, with the leak guard tracking the session in between. */
  @Benchmark
  public SessionInfo startStop() {
    return sessions.start(SessionRequest.defaults()).stop();
  }

  /** Hears the end of every call. */
  static final class Counting implements SessionListener {
    final LongAdder ends = new LongAdder();

    @Override
    public CallObserver callStarted(CallStarted call) {
      return finished -> ends.increment();
    }
  }

  /** A provider that does no work, so that what is measured is the client's own path. */
  static final class Idle implements BrowserSessionProvider {
    static final SessionInfo ACTIVE =
        SessionInfo.builder("s-1", "idle", SessionStatus.ACTIVE).build();
    static final SessionInfo CLOSED =
        SessionInfo.builder("s-1", "idle", SessionStatus.CLOSED).build();

    @Override
    public String name() {
      return "idle";
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      return ACTIVE;
    }

    @Override
    public SessionInfo status(String sessionId) {
      return ACTIVE;
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return CLOSED;
    }
  }
}
