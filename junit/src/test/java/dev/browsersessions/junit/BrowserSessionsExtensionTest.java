package dev.browsersessions.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.fake.FakeProvider;
import dev.browsersessions.fake.FakeProviders;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes through the JUnit engine and checks what happened to their sessions
 * at the fake provider (the only provider on this module's test class path).
 */
class BrowserSessionsExtensionTest {

  /** Session handles the sample classes saw, in order. */
  static final List<BrowserSession> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
    PerClassConstructor.CLIENTS.clear();
    Outer.CLIENTS.clear();
  }

  @Test
  void injectsAClientAndPerTestSessionsAndStopsThemAfterEachTest() {
    Events tests = run(PerTest.class);

    tests.assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(SEEN).hasSize(4); // a field and a parameter session in each of two tests
    assertThat(SEEN).extracting(BrowserSession::id).doesNotHaveDuplicates();
    assertThat(SEEN).allSatisfy(s -> assertThat(atProvider(s).status())
        .isEqualTo(SessionStatus.CLOSED));
  }

  @Test
  void stopsTheSessionOfAFailingTestToo() {
    Events tests = run(Failing.class);

    tests.assertStatistics(s -> s.failed(1));
    assertThat(SEEN).singleElement()
        .satisfies(s -> assertThat(atProvider(s).isTerminal()).isTrue());
  }

  @Test
  void aSessionTheTestLeftRunningFailsTheTestAndIsStopped() {
    Events tests = run(Leaking.class);

    tests.assertThatEvents().haveExactly(1,
        event(test("leaks"), finishedWithFailure(instanceOf(AssertionError.class),
            message(m -> m.contains("left 1 browser session(s) running")
                && m.contains(SEEN.get(0).id())))));
    assertThat(atProvider(SEEN.get(0)).isTerminal()).isTrue();
  }

  @Test
  void aStaticFieldSessionServesTheWholeClassAndIsStoppedAfterIt() {
    Events tests = run(PerClass.class);

    tests.assertStatistics(s -> s.succeeded(2));
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(atProvider(SEEN.get(0)).isTerminal()).isTrue();
  }

  @Test
  void withConcurrentTestsALeakFailsTheClassNotAnotherTest() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .selectors(selectClass(Concurrent.class)).execute();

    results.testEvents().assertStatistics(s -> s.succeeded(2));
    results.containerEvents().assertThatEvents().haveExactly(1,
        event(finishedWithFailure(message(m -> m.contains("left 2 browser session(s) running")))));
    assertThat(SEEN).hasSize(2).allSatisfy(s -> assertThat(atProvider(s).isTerminal()).isTrue());
  }

  @Test
  void constructorParametersUnderPerClassGetTheClassClientAndAClassSession() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PerClassConstructor.class)).execute();

    assertThat(failures(results.containerEvents())).isEmpty();
    assertThat(failures(results.testEvents())).isEmpty();
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    // the constructor's session: one, shared by both tests, open during them, stopped after them
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(atProvider(SEEN.get(0)).status()).isEqualTo(SessionStatus.CLOSED);
    // one client: the constructor's, @BeforeAll's and the tests' (checked inside the class)
    assertThat(PerClassConstructor.CLIENTS).hasSize(4)
        .containsOnly(PerClassConstructor.CLIENTS.get(0));
  }

  @Test
  void aNestedClassGetsItsOwnClientNotItsEnclosingClasss() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Outer.class)).execute();

    assertThat(failures(results.containerEvents())).isEmpty();
    assertThat(failures(results.testEvents())).isEmpty();
    results.testEvents().assertStatistics(s -> s.succeeded(2));
    assertThat(Outer.CLIENTS).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void withFailOnLeakOffALeftRunningSessionIsStoppedButFailsNothing() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(LeakingAllowed.class)).execute();

    assertThat(failures(results.testEvents())).isEmpty();
    assertThat(failures(results.containerEvents())).isEmpty();
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    // one leaked by @BeforeAll (found after the class), one by the test (found after the test)
    assertThat(SEEN).hasSize(2)
        .allSatisfy(s -> assertThat(atProvider(s).isTerminal()).isTrue());
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
        .testEvents();
  }

  /** What failed, as its throwables' text, so that a failing check shows the reason. */
  private static List<String> failures(Events events) {
    return events.failed().stream()
        .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(
                TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?"))
        .toList();
  }

  private static SessionInfo atProvider(BrowserSession s) {
    FakeProvider fake = FakeProviders.lastCreated().orElseThrow();
    return fake.session(s.id()).orElseThrow();
  }

  // --- the sample test classes (static nested: Surefire does not run them by itself) ----------

  @BrowserSessionsTest
  static class PerTest {
    @Managed BrowserSession session;
    @Managed BrowserSessions sessions;

    @Test
    void first(BrowserSession another) {
      SEEN.add(session);
      SEEN.add(another);
      assertThat(sessions.openSessions()).contains(session.id(), another.id());
      assertThat(session.info().status()).isEqualTo(SessionStatus.ACTIVE);
    }

    @Test
    void second(BrowserSession another) {
      SEEN.add(session);
      SEEN.add(another);
      assertThat(sessions.provider()).isEqualTo("fake");
    }
  }

  @BrowserSessionsTest
  static class Failing {
    @Test
    void fails(BrowserSession session) {
      SEEN.add(session);
      throw new AssertionError("the page did not load");
    }
  }

  @BrowserSessionsTest
  static class Leaking {
    @Test
    void leaks(BrowserSessions sessions) {
      SEEN.add(sessions.start(SessionRequest.defaults()));
    }
  }

  @BrowserSessionsTest
  @Execution(ExecutionMode.CONCURRENT)
  static class Concurrent {
    @Test
    void a(BrowserSessions sessions) {
      SEEN.add(sessions.start(SessionRequest.defaults()));
    }

    @Test
    void b(BrowserSessions sessions) {
      SEEN.add(sessions.start(SessionRequest.defaults()));
    }
  }

  @BrowserSessionsTest
  @TestInstance(Lifecycle.PER_CLASS)
  static class PerClassConstructor {
    static final List<BrowserSessions> CLIENTS = new CopyOnWriteArrayList<>();

    private final BrowserSession session;

    PerClassConstructor(BrowserSession session, BrowserSessions sessions) {
      this.session = session;
      CLIENTS.add(sessions);
      assertThat(sessions.openSessions()).containsExactly(session.id());
    }

    @BeforeAll
    void before(BrowserSessions sessions) {
      CLIENTS.add(sessions);
    }

    @Test
    void one(BrowserSessions sessions) {
      CLIENTS.add(sessions);
      SEEN.add(session);
      assertThat(session.refresh().status()).isEqualTo(SessionStatus.ACTIVE); // the provider's
    }

    @Test
    void two(BrowserSessions sessions) {
      CLIENTS.add(sessions);
      SEEN.add(session);
      // a class session: the end of the test that ran first did not stop it (asked of the
      // provider: the handle's info() is a snapshot that a stop by id would not change)
      assertThat(session.refresh().status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }

  @BrowserSessionsTest
  static class Outer {
    static final List<BrowserSessions> CLIENTS = new CopyOnWriteArrayList<>();

    @Test
    void outer(BrowserSessions sessions) {
      CLIENTS.add(sessions);
    }

    @Nested
    class Inner {
      @Test
      void inner(BrowserSessions sessions) {
        CLIENTS.add(sessions);
      }
    }
  }

  @BrowserSessionsTest(failOnLeak = false)
  static class LeakingAllowed {
    @BeforeAll
    static void leaksForTheClass(BrowserSessions sessions) {
      SEEN.add(sessions.start(SessionRequest.defaults()));
    }

    @Test
    void leaks(BrowserSessions sessions) {
      SEEN.add(sessions.start(SessionRequest.defaults()));
    }
  }

  @BrowserSessionsTest(provider = "fake")
  static class PerClass {
    @Managed static BrowserSession shared;

    @BeforeAll
    static void check(BrowserSessions sessions) {
      assertThat(sessions.openSessions()).containsExactly(shared.id());
    }

    @Test
    void one() {
      SEEN.add(shared);
    }

    @Test
    void two() {
      SEEN.add(shared);
    }
  }
}
