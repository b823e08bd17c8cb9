package dev.browsersessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.browsersessions.observe.CallFinished;
import dev.browsersessions.observe.CallObserver;
import dev.browsersessions.observe.CallStarted;
import dev.browsersessions.observe.LeakGuardStop;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.Outcome;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.observe.Retry;
import dev.browsersessions.observe.SessionListener;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenerTest {

  private final InMemoryProvider provider = new InMemoryProvider();
  private final Recording recording = new Recording();

  private BrowserSessions client() {
    return BrowserSessions.builder().provider(provider).listener(recording).build();
  }

  @Test
  void everyCallIsHeardWithProviderOperationOutcomeAndDuration() {
    try (BrowserSessions sessions = client()) {
      BrowserSession s = sessions.start(SessionRequest.defaults());
      s.refresh();
      sessions.list(SessionFilter.all());
      s.stop();
    }
    assertThat(recording.finished)
        .extracting(f -> f.call().operation(), CallFinished::outcome, CallFinished::sessionId)
        .containsExactly(
            tuple(Operation.START, Outcome.SUCCESS, Optional.of("s-1")),
            tuple(Operation.STATUS, Outcome.SUCCESS, Optional.of("s-1")),
            tuple(Operation.LIST, Outcome.SUCCESS, Optional.empty()),
            tuple(Operation.STOP, Outcome.SUCCESS, Optional.of("s-1")));
    assertThat(recording.finished)
        .allSatisfy(
            f -> {
              assertThat(f.call().provider()).isEqualTo("memory");
              assertThat(f.duration().isNegative()).isFalse();
              assertThat(f.exceptionType()).isEqualTo("none");
            });
    assertThat(recording.started).hasSize(4);
    assertThat(recording.lifecycle).containsExactly("opened s-1", "released s-1");
  }

  @Test
  void failuresAreHeardWithTheirTypeAndStillThrown() {
    try (BrowserSessions sessions = client()) {
      assertThatThrownBy(() -> sessions.status("missing"))
          .isInstanceOf(SessionNotFoundException.class);
      assertThatThrownBy(() -> sessions.stop("../etc"))
          .isInstanceOf(InvalidSessionRequestException.class);
    }
    assertThat(recording.finished).hasSize(2);
    CallFinished notFound = recording.finished.get(0);
    assertThat(notFound.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(notFound.exceptionType()).isEqualTo("SessionNotFoundException");
    assertThat(notFound.failure()).containsInstanceOf(SessionNotFoundException.class);
    CallFinished invalid = recording.finished.get(1);
    assertThat(invalid.exceptionType()).isEqualTo("InvalidSessionRequestException");
    assertThat(invalid.sessionId()).as("an invalid id is not passed to listeners").isEmpty();
  }

  @Test
  void leakGuardStopsAreHeardWithTheirTriggerAndOutcome() {
    BrowserSessions sessions = client();
    sessions.start(SessionRequest.defaults());
    sessions.start(SessionRequest.defaults());
    provider.failStopFor.add("s-2");
    assertThatThrownBy(sessions::close).isInstanceOf(SessionCleanupException.class);

    assertThat(recording.leakGuard)
        .extracting(LeakGuardStop::sessionId, LeakGuardStop::trigger, LeakGuardStop::outcome)
        .containsExactlyInAnyOrder(
            tuple("s-1", LeakGuardStop.Trigger.CLOSE, Outcome.SUCCESS),
            tuple("s-2", LeakGuardStop.Trigger.CLOSE, Outcome.FAILURE));
    assertThat(recording.lifecycle)
        .as("every opened session is released once, even one the client could not stop")
        .containsExactlyInAnyOrder("opened s-1", "opened s-2", "released s-1", "released s-2");
  }

  @Test
  void whatCloseLeavesRunningIsReleasedOnceAndALaterStopOfItIsRefusedAsClosed() {
    BrowserSessions sessions = BrowserSessions.builder().provider(provider).listener(recording)
        .stopSessionsOnClose(false).build();
    BrowserSession left = sessions.start(SessionRequest.defaults());
    sessions.close();

    assertThat(sessions.openSessions()).isEmpty();
    assertThatThrownBy(() -> sessions.stop("s-1"))
        .isInstanceOf(BrowserSessionException.class).hasMessageContaining("closed");
    assertThatThrownBy(left::stop)
        .isInstanceOf(BrowserSessionException.class).hasMessageContaining("closed");
    assertThat(provider.count("stop")).as("no call to the closed provider").isZero();
    assertThat(recording.lifecycle).containsExactly("opened s-1", "released s-1");
  }

  @Test
  void aSessionCloseCouldNotStopIsReleasedOnceAndNotStoppedAfterTheProviderClosed() {
    BrowserSessions sessions = client();
    sessions.start(SessionRequest.defaults());
    provider.failStopFor.add("s-1");
    assertThatThrownBy(sessions::close).isInstanceOf(SessionCleanupException.class);
    provider.failStopFor.clear();

    assertThatThrownBy(() -> sessions.stop("s-1"))
        .isInstanceOf(BrowserSessionException.class).hasMessageContaining("closed");
    assertThat(provider.count("stop")).as("only close()'s failed stop").isEqualTo(1);
    assertThat(recording.lifecycle).containsExactly("opened s-1", "released s-1");
  }

  @Test
  void theWarmPoolsOwnWorkIsNeitherAUserCallNorALeakGuardStop() {
    List<Runnable> background = new ArrayList<>();
    BrowserSessions sessions = BrowserSessions.builder().provider(provider).listener(recording)
        .warmPool(SessionRequest.defaults(), 2).warmPoolExecutor(background::add).build();
    runAll(background); // s-1, s-2 warm

    assertThat(recording.started).as("background starts are not START calls").isEmpty();
    BrowserSession handedOut = sessions.start(SessionRequest.defaults());
    runAll(background); // the refill: s-3
    sessions.close(); // stops s-1 as the leak guard, s-2 and s-3 as warm sessions

    assertThat(handedOut.id()).isEqualTo("s-1");
    assertThat(recording.finished)
        .extracting(f -> f.call().operation(), CallFinished::outcome, CallFinished::sessionId)
        .containsExactly(
            tuple(Operation.START, Outcome.SUCCESS, Optional.of("s-1")),
            tuple(Operation.STOP, Outcome.SUCCESS, Optional.of("s-1")));
    assertThat(recording.leakGuard)
        .extracting(LeakGuardStop::sessionId, LeakGuardStop::trigger)
        .containsExactly(tuple("s-1", LeakGuardStop.Trigger.CLOSE));
    assertThat(recording.lifecycle).containsExactlyInAnyOrder("opened s-1", "opened s-2",
        "opened s-3", "released s-1", "released s-2", "released s-3");
    assertThat(provider.sessions.values()).allMatch(SessionInfo::isTerminal);
  }

  private static void runAll(List<Runnable> tasks) {
    for (int i = 0; i < 100 && !tasks.isEmpty(); i++) {
      tasks.remove(0).run();
    }
  }

  @Test
  void providerReportsReachTheListeners() {
    ReportingProvider reporting = new ReportingProvider();
    try (BrowserSessions sessions =
        BrowserSessions.builder().provider(reporting).listener(recording).build()) {
      sessions.start(SessionRequest.defaults());
    }
    assertThat(recording.retries).singleElement()
        .satisfies(r -> {
          assertThat(r.attempt()).isEqualTo(2);
          assertThat(r.exceptionType()).isEqualTo("ProviderUnavailableException");
        });
    assertThat(recording.lostCreates).singleElement()
        .extracting(LostCreate::resolution).isEqualTo(LostCreate.Resolution.ADOPTED);
  }

  @Test
  void withoutListenersTheProviderIsNeverHandedASink() {
    ReportingProvider reporting = new ReportingProvider();
    try (BrowserSessions sessions =
        BrowserSessions.builder().provider(reporting).discoverListeners(false).build()) {
      sessions.start(SessionRequest.defaults());
    }
    assertThat(reporting.events).isSameAs(ProviderEvents.NONE);
  }

  @Test
  void aListenerThatThrowsChangesNothing() {
    SessionListener broken =
        new SessionListener() {
          @Override
          public CallObserver callStarted(CallStarted call) {
            return finished -> {
              throw new IllegalStateException("listener bug");
            };
          }

          @Override
          public void sessionOpened(String p, String id) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (BrowserSessions sessions =
        BrowserSessions.builder().provider(provider).listener(broken).listener(recording)
            .build()) {
      BrowserSession s = sessions.start(SessionRequest.defaults());
      assertThat(s.id()).isEqualTo("s-1");
    }
    assertThat(recording.finished).as("the next listener still hears the call").isNotEmpty();
    assertThat(recording.lifecycle).contains("opened s-1");
  }

  @Test
  void listenersRegisteredWithServiceLoaderAreFound(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(SessionListener.class.getName()),
        CountingListener.class.getName() + "\n");
    CountingListener.CALLS.clear();
    try (URLClassLoader cl =
            new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        BrowserSessions sessions =
            BrowserSessions.builder().provider(provider).classLoader(cl).build()) {
      sessions.start(SessionRequest.defaults());
    }
    assertThat(CountingListener.CALLS).containsExactly(Operation.START, Operation.STOP);
  }

  /** Registered through a temporary service file. */
  public static final class CountingListener implements SessionListener {
    static final List<Operation> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public CallObserver callStarted(CallStarted call) {
      CALLS.add(call.operation());
      return CallObserver.NONE;
    }
  }

  static final class Recording implements SessionListener {
    final List<CallStarted> started = new CopyOnWriteArrayList<>();
    final List<CallFinished> finished = new CopyOnWriteArrayList<>();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();
    final List<LeakGuardStop> leakGuard = new CopyOnWriteArrayList<>();
    final List<Retry> retries = new CopyOnWriteArrayList<>();
    final List<LostCreate> lostCreates = new CopyOnWriteArrayList<>();

    @Override
    public CallObserver callStarted(CallStarted call) {
      started.add(call);
      return finished::add;
    }

    @Override
    public void sessionOpened(String provider, String sessionId) {
      lifecycle.add("opened " + sessionId);
    }

    @Override
    public void sessionReleased(String provider, String sessionId) {
      lifecycle.add("released " + sessionId);
    }

    @Override
    public void leakGuardStopped(LeakGuardStop stop) {
      leakGuard.add(stop);
    }

    @Override
    public void retrying(Retry retry) {
      retries.add(retry);
    }

    @Override
    public void lostCreate(LostCreate lostCreate) {
      lostCreates.add(lostCreate);
    }
  }

  /** Reports one retry and one adopted lost create on every create, as provider-http would. */
  static final class ReportingProvider extends InMemoryProvider {
    volatile ProviderEvents events = ProviderEvents.NONE;

    @Override
    public void reportTo(ProviderEvents sink) {
      this.events = sink;
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      events.retrying(new Retry(name(), Operation.START, 2, Duration.ofMillis(100),
          new ProviderUnavailableException("down", name(), 503, null)));
      SessionInfo info = super.create(request);
      events.lostCreate(new LostCreate(name(), LostCreate.Resolution.ADOPTED,
          Optional.of(info.id())));
      return info;
    }
  }
}
