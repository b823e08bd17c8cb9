package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionCleanupException;
import dev.browsersessions.fake.MutableClock;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.LostCreate.Resolution;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.observe.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The one lost-create reconciler, driven by a vendor whose sessions are a map from a key to ids,
 * on a clock the sleeper moves: nothing waits in real time.
 */
class LostCreatesTest {

  private final MutableClock clock = MutableClock.startingNow();
  private final Sleeper sleeper = clock::advance;
  /** The running sessions per attempt key. */
  private final Map<String, List<String>> running = new ConcurrentHashMap<>();
  private final List<String> stopped = new CopyOnWriteArrayList<>();
  private final AtomicInteger looks = new AtomicInteger();
  private volatile BrowserSessionException lookupFailure;
  private volatile BrowserSessionException stopFailure;

  private final LostCreates.Vendor<String> vendor = new LostCreates.Vendor<>() {
    @Override
    public List<List<String>> find(List<LostCreates.Window<String>> windows) {
      looks.incrementAndGet();
      if (lookupFailure != null) {
        throw lookupFailure;
      }
      List<List<String>> found = new ArrayList<>();
      for (LostCreates.Window<String> w : windows) {
        found.add(running.getOrDefault(w.key(), List.of()));
      }
      return found;
    }

    @Override
    public void stop(String sessionId) {
      if (stopFailure != null) {
        throw stopFailure;
      }
      stopped.add(sessionId);
    }

    @Override
    public String describe(String key) {
      return "tag=" + key;
    }

    @Override
    public String howToFind(String key) {
      return "Look for tag=" + key + ".";
    }
  };

  private LostCreates<String> lost(LostCreatePolicy policy) {
    return new LostCreates<>("p", "Vendor", new LostCreateSettings(policy, Duration.ofSeconds(5)),
        Duration.ofMillis(10), clock, sleeper, vendor);
  }

  private static BrowserSessionException reset() {
    return new ProviderUnavailableException("Vendor could not be reached: reset", "p", 0, null);
  }

  @Test
  void theSessionOfALostCreateIsFoundStoppedAndNamedInTheSameException() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    LostCreates.Attempt<String> a = lost.begin("t1");
    running.put("t1", List.of("s-1"));
    BrowserSessionException failure = reset();

    BrowserSessionException e = lost.failed(a, failure);

    assertThat(e).isSameAs(failure).isInstanceOf(ProviderUnavailableException.class);
    assertThat(e.getMessage()).startsWith("Vendor could not be reached: reset — ")
        .contains("Vendor started session 's-1' anyway; it was found and stopped");
    assertThat(stopped).containsExactly("s-1");
    lost.close(); // nothing pending
  }

  @Test
  void sendTurnsAnAnswerThatCannotBeHandledIntoAProtocolErrorAndLooksForItsSession() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    running.put("t1", List.of("s-1"));

    LostCreates.Attempt<String> ok = lost.begin("t0");
    assertThat(lost.send(ok, "POST /start", () -> "answer")).isEqualTo("answer");
    lost.returned(ok, "s-0"); // a success stays open until the provider says what it returned
    assertThatThrownBy(() -> lost.send(lost.begin("t1"), "POST /start", () -> {
      throw new IllegalStateException("decoder broke");
    })).isInstanceOfSatisfying(ProviderProtocolException.class, e -> assertThat(e)
        .hasMessageStartingWith("Vendor's answer to POST /start could not be handled:"
            + " java.lang.IllegalStateException: decoder broke")
        .hasMessageContaining("Vendor started session 's-1' anyway; it was found and stopped")
        .hasCauseInstanceOf(IllegalStateException.class));
    assertThat(stopped).containsExactly("s-1");

    assertThatThrownBy(() -> lost.send(lost.begin("t2"), "POST /start", () -> {
      throw new StackOverflowError();
    })).isInstanceOf(StackOverflowError.class);
    assertThat(looks.get()).as("an Error is abandoned, not looked for").isEqualTo(1);
    lost.close(); // nothing in flight or pending
  }

  @Test
  void aCreateWithoutAnswerKeepsLookingOnTheClockUntilTheWaitHasPassed() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    java.time.Instant start = clock.instant();

    BrowserSessionException e = lost.failed(lost.begin("t1"), reset());

    assertThat(e).hasMessageContaining("no running session of this create was found (looked for"
        + " PT5S)").hasMessageContaining("Look for tag=t1.");
    assertThat(looks.get()).as("looked again, 100 ms doubling up to 1 s").isBetween(5, 12);
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void noPauseBetweenLooksRunsPastTheOperationsDeadline() {
    Duration budget = Duration.ofMillis(80); // shorter than the first pause, 100 ms
    List<Duration> pauses = new CopyOnWriteArrayList<>();
    LostCreates<String> lost = new LostCreates<>("p", "Vendor",
        new LostCreateSettings(LostCreatePolicy.STOP, Duration.ofSeconds(5)), Duration.ofMillis(10),
        clock, d -> {
          pauses.add(d);
          clock.advance(d);
        }, vendor);

    BrowserSessionException e = OperationDeadline.within(Operation.START, budget,
        () -> lost.failed(lost.begin("t1"), reset()));

    assertThat(e).hasMessageContaining("no running session of this create was found");
    assertThat(pauses).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(budget));
  }

  @Test
  void anAnsweredFailureIsLookedUpOnceAndAProvenNonStartNotAtAll() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    lost.failed(lost.begin("t1"),
        new ProviderUnavailableException("boom", "p", 500, null).markOutcomeUnknown());
    assertThat(looks.get()).isEqualTo(1);

    BrowserSessionException limited = new RateLimitedException("slow down", "p", 429, null);
    assertThat(lost.failed(lost.begin("t2"), limited)).isSameAs(limited)
        .hasMessage("slow down");
    assertThat(looks.get()).isEqualTo(1);
  }

  @Test
  void reportNamesTheCandidatesAndStopsNothingIgnoreDoesNotLook() {
    running.put("t1", List.of("s-1"));
    LostCreates<String> report = lost(LostCreatePolicy.REPORT);
    BrowserSessionException e = report.failed(report.begin("t1"), reset());
    assertThat(e).hasMessageContaining("[s-1]").hasMessageContaining("lost-create=report");
    assertThat(stopped).isEmpty();

    LostCreates<String> ignore = lost(LostCreatePolicy.IGNORE);
    assertThat(ignore.failed(ignore.begin("t1"), reset())).hasMessage(
        "Vendor could not be reached: reset");
    assertThat(looks.get()).isEqualTo(1);
  }

  @Test
  void anUnusableAnswerNamingASessionStopsIt() {
    LostCreates<String> lost = lost(LostCreatePolicy.IGNORE);
    BrowserSessionException e = lost.unusable(lost.begin("t1"), "s-9",
        new dev.browsersessions.ProviderProtocolException("no cdp url", "p", 200, null, null));
    assertThat(stopped).containsExactly("s-9");
    assertThat(e).hasMessageContaining("'s-9'").hasMessageContaining("stopped");
  }

  @Test
  void aSessionAnotherCreateReturnedIsNeverStopped() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    LostCreates.Attempt<String> ok = lost.begin("t1");
    lost.returned(ok, "s-1");
    running.put("t1", List.of("s-1"));
    lost.failed(lost.begin("t1"), reset());
    assertThat(stopped).isEmpty();
  }

  @Test
  void aLostCreateLeftUnresolvedByACreateInFlightIsStoppedAtCloseAndTheOtherIsKept() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    LostCreates.Attempt<String> slow = lost.begin("t"); // in flight past the in-flight wait
    LostCreates.Attempt<String> failed = lost.begin("t");
    running.put("t", List.of("s-lost", "s-slow"));

    BrowserSessionException e = lost.failed(failed, reset());

    assertThat(stopped).as("nothing stopped while another create may own them").isEmpty();
    assertThat(e).hasMessageContaining("still in flight").hasMessageContaining("looked for again");

    lost.returned(slow, "s-slow");
    lost.close();

    assertThat(stopped).containsExactly("s-lost");
  }

  @Test
  void aPendingLostCreateIsStoppedAfterTheNextFailedCreate() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    LostCreates.Attempt<String> slow = lost.begin("slow");
    running.put("first", List.of("s-first"));
    lost.failed(lost.begin("first"), reset());
    lost.abandoned(slow); // nothing is in flight any more
    assertThat(stopped).isEmpty();

    running.put("next", List.of("s-next"));
    lost.failed(lost.begin("next"), reset());

    assertThat(stopped).containsExactlyInAnyOrder("s-first", "s-next");
  }

  @Test
  void whatIsStillUnresolvedAtCloseIsThrownNamingTheSessions() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    running.put("t1", List.of("s-1"));
    stopFailure = new ProviderUnavailableException("down", "p", 502, null);

    BrowserSessionException e = lost.failed(lost.begin("t1"), reset());
    assertThat(e).hasMessageContaining("stopping it failed (down)")
        .hasMessageContaining("stop(\"s-1\")");

    assertThatThrownBy(lost::close).isInstanceOfSatisfying(SessionCleanupException.class,
        c -> assertThat(c.getSuppressed()[0]).hasMessageContaining("could not be resolved at"
            + " close").hasMessageContaining("tag=t1"));
  }

  @Test
  void aFailedLookupIsRetriedWithinTheWaitThenKeptForClose() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    lookupFailure = new ProviderUnavailableException("list down", "p", 502, null);

    BrowserSessionException e = lost.failed(lost.begin("t1"), reset());

    assertThat(looks.get()).isGreaterThan(1);
    assertThat(e).hasMessageContaining("looking for it failed (list down)");
    lookupFailure = null;
    running.put("t1", List.of("s-late"));
    lost.close();
    assertThat(stopped).containsExactly("s-late");
  }

  @Test
  void eachReconciliationIsReportedWithItsResolution() {
    List<LostCreate> events = new CopyOnWriteArrayList<>();
    ProviderEvents sink = new ProviderEvents() {
      @Override
      public void retrying(Retry retry) {}

      @Override
      public void lostCreate(LostCreate lostCreate) {
        events.add(lostCreate);
      }
    };
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    lost.reportTo(sink);
    running.put("t1", List.of("s1"));
    lost.failed(lost.begin("t1"), reset());
    assertThat(events).containsExactly(
        new LostCreate("p", Resolution.STOPPED, Optional.of("s1")));

    events.clear();
    lost.failed(lost.begin("t2"), new RateLimitedException("slow down", "p", 429, null));
    assertThat(events).as("a 429 started nothing: not a lost create").isEmpty();

    lost.failed(lost.begin("t3"),
        new ProviderUnavailableException("boom", "p", 500, null).markOutcomeUnknown());
    assertThat(events).as("not found yet: kept pending").containsExactly(
        new LostCreate("p", Resolution.UNRESOLVED, Optional.empty()));
    events.clear();
    running.put("t3", List.of("s3"));
    lost.close();
    assertThat(events).as("found at close").containsExactly(
        new LostCreate("p", Resolution.STOPPED, Optional.of("s3")));

    events.clear();
    LostCreates<String> reporting = lost(LostCreatePolicy.REPORT);
    reporting.reportTo(sink);
    running.put("t4", List.of("s4"));
    reporting.failed(reporting.begin("t4"), reset());
    reporting.failed(reporting.begin("t5"),
        new ProviderUnavailableException("boom", "p", 500, null).markOutcomeUnknown());
    assertThat(events).containsExactly(
        new LostCreate("p", Resolution.UNRESOLVED, Optional.of("s4")),
        new LostCreate("p", Resolution.NONE_STARTED, Optional.empty()));
  }

  @Test
  void aListenerThatThrowsDoesNotChangeTheOutcome() {
    LostCreates<String> lost = lost(LostCreatePolicy.STOP);
    lost.reportTo(new ProviderEvents() {
      @Override
      public void retrying(Retry retry) {}

      @Override
      public void lostCreate(LostCreate lostCreate) {
        throw new IllegalStateException("listener bug");
      }
    });
    running.put("t1", List.of("s1"));
    assertThat(lost.failed(lost.begin("t1"), reset()).getMessage()).contains("found and stopped");
    assertThat(stopped).containsExactly("s1");
  }
}
