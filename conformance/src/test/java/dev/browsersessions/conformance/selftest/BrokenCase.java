package dev.browsersessions.conformance.selftest;

import dev.browsersessions.Capability;
import dev.browsersessions.conformance.selftest.broken.BrokenProviders;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.conformance.selftest.broken.BrokenLifecycle;
import dev.browsersessions.conformance.selftest.broken.BrokenOverTime;
import dev.browsersessions.conformance.selftest.broken.BrokenReads;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One deliberately broken provider and the rules the kit must fail it on.
 *
 * @param name the decorator's simple name, as in RULES.md
 * @param bug what it gets wrong
 * @param wrap builds the broken provider around the honest one and its clock
 * @param mustCatch the rules whose tests must fail (at least these)
 * @param liveBrowser whether the kit is told that CDP URLs reach a real browser
 */
public record BrokenCase(
    String name,
    String bug,
    BiFunction<BrowserSessionProvider, Clock, BrowserSessionProvider> wrap,
    Set<String> mustCatch,
    boolean liveBrowser) {

  BrokenCase(String name, String bug, Function<BrowserSessionProvider, BrowserSessionProvider> wrap,
      Set<String> mustCatch) {
    this(name, bug, (p, clock) -> wrap.apply(p), mustCatch, false);
  }

  /**
   * A fixture for this case: the reference provider with every capability, wrapped.
   *
   * @return a fresh fixture
   */
  public Fixture fixture() {
    Set<Capability> all = ReferenceProvider.everything();
    Fixture f = Fixture.reference(all, wrap);
    return liveBrowser ? f.claimingLiveBrowser() : f;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Every broken provider the kit is tested against.
   *
   * @return the cases
   */
  public static List<BrokenCase> all() {
    return List.of(
        new BrokenCase("NonIdempotentStop", "a second stop throws",
            BrokenProviders.NonIdempotentStop::new, Set.of("R4.2")),
        new BrokenCase("StillActiveAfterStop", "stop and later status still say ACTIVE",
            BrokenProviders.StillActiveAfterStop::new, Set.of("R4.1", "R3.3")),
        new BrokenCase("DuplicateIds", "every create reports the first session's id",
            BrokenProviders.DuplicateIds::new, Set.of("R2.2", "R9.1")),
        new BrokenCase("TimeoutsIgnored", "timeouts reported as granted but never applied",
            BrokenProviders.TimeoutsIgnored::new, Set.of("R8.1", "R8.2")),
        new BrokenCase("NotFoundSwallowed", "status of an unknown id returns a made-up session",
            BrokenProviders.NotFoundSwallowed::new, Set.of("R5.1")),
        new BrokenCase("UnknownStopSucceeds", "stop of an unknown id reports success",
            BrokenProviders.UnknownStopSucceeds::new, Set.of("R5.2")),
        new BrokenCase("InvalidIdsAccepted", "ids like ../x are sent to the vendor unchecked",
            BrokenProviders.InvalidIdsAccepted::new, Set.of("R7.1", "R7.2", "R7.3")),
        new BrokenCase("DeclaredButRefused", "declares REGION but refuses it",
            BrokenProviders.DeclaredButRefused::new, Set.of("R7.5")),
        new BrokenCase("UndeclaredButAccepted", "drops an undeclared option instead of refusing",
            BrokenProviders.UndeclaredButAccepted::new, Set.of("R7.4")),
        new BrokenCase("RefusedAfterStarting", "refuses an undeclared region only after"
            + " starting the session", BrokenProviders.RefusedAfterStarting::new, Set.of("R7.4")),
        new BrokenCase("RefusedAfterStartingUntagged", "declares no METADATA; refuses an"
            + " undeclared region only after starting the session",
            BrokenProviders.RefusedAfterStartingUntagged::new, Set.of("R7.4")),
        new BrokenCase("RefusedAfterStartingListedLate", "refuses an undeclared region only after"
            + " starting the session; list shows a session 50 ms after its create",
            BrokenProviders.RefusedAfterStartingListedLate::new, Set.of("R7.4")),
        new BrokenCase("SilentOptOut", "LIST, IDLE_TIMEOUT undeclared but not refused",
            BrokenProviders.SilentOptOut::new, Set.of("R2.7", "R6.1", "R7.4", "R8.1")),
        new BrokenCase("ParallelStopRace", "a stop during another stop of the session throws",
            BrokenProviders.ParallelStopRace::new, Set.of("R9.2")),
        new BrokenCase("ListMissesSessions", "list leaves out the newest session",
            BrokenProviders.ListMissesSessions::new, Set.of("R6.1")),
        new BrokenCase("CreateReturnsTerminal", "create reports CLOSED for a running session",
            BrokenProviders.CreateReturnsTerminal::new, Set.of("R2.1")),
        new BrokenCase("RawExceptions", "failures escape as IllegalStateException",
            BrokenProviders.RawExceptions::new, Set.of("R11.1")),
        new BrokenCase("MetadataDropped", "declares METADATA but never stores it",
            BrokenProviders.MetadataDropped::new, Set.of("R2.9", "R3.5")),
        new BrokenCase("UnstableCapabilities", "capabilities() changes between calls",
            BrokenProviders.UnstableCapabilities::new, Set.of("R1.4")),
        new BrokenCase("MutableCapabilities", "capabilities() hands out its own mutable set",
            BrokenProviders.MutableCapabilities::new, Set.of("R1.5")),
        new BrokenCase("StopEndsEverySession", "stop(id) ends every running session",
            BrokenProviders.StopEndsEverySession::new, Set.of("R4.4")),
        new BrokenCase("TimedOutReportedAsClosed", "timed-out sessions are reported as CLOSED",
            BrokenProviders.TimedOutReportedAsClosed::new, Set.of("R8.1", "R8.5")),
        new BrokenCase("WrongName", "name() is \"Reference\": upper case, no such factory",
            BrokenProviders.WrongName::new, Set.of("R1.1", "R1.2")),
        new BrokenCase("CdpUrlOnlyOnCreate", "status and list leave out the CDP URL",
            BrokenReads.CdpUrlOnlyOnCreate::new, Set.of("R2.5")),
        new BrokenCase("LiveViewOnlyOnCreate", "status and list leave out the live-view URL",
            BrokenReads.LiveViewOnlyOnCreate::new, Set.of("R2.6")),
        new BrokenCase("TwoTagsOnly", "stores only the first two metadata tags",
            BrokenReads.TwoTagsOnly::new, Set.of("R2.9", "R3.5")),
        new BrokenCase("ListDropsGrantedTimeouts", "list entries leave out the granted timeouts",
            BrokenReads.ListDropsGrantedTimeouts::new, Set.of("R3.6")),
        new BrokenCase("TimestampsInWrongZone", "timestamps parsed one hour off UTC",
            BrokenReads.TimestampsInWrongZone::new, Set.of("R3.7")),
        new BrokenCase("NotFoundIdLowerCased", "not-found names the id lower-cased",
            BrokenReads.NotFoundIdLowerCased::new, Set.of("R5.4")),
        new BrokenCase("StopNotFoundRetryable", "stop's not-found is marked retryable",
            BrokenReads.StopNotFoundRetryable::new, Set.of("R5.4", "R11.2")),
        new BrokenCase("VendorShapedNotFoundRetryable", "status's not-found is marked retryable"
            + " for ids of letters, digits and dashes",
            BrokenReads.VendorShapedNotFoundRetryable::new, Set.of("R11.2")),
        new BrokenCase("ListFirstPageOnly", "list returns the vendor's first page of three",
            BrokenReads.ListFirstPageOnly::new, Set.of("R6.1")),
        new BrokenCase("TerminalFilterListsNothing", "a filter on terminal statuses lists"
            + " nothing", BrokenReads.TerminalFilterListsNothing::new, Set.of("R6.2")),
        new BrokenCase("CombinedFilterIgnoresStatus", "with a metadata filter the status filter"
            + " is dropped", BrokenReads.CombinedFilterIgnoresStatus::new, Set.of("R6.3")),
        new BrokenCase("ListStaleAfterTimeout", "list shows timed-out sessions as ACTIVE",
            BrokenReads.ListStaleAfterTimeout::new, Set.of("R6.5")),
        new BrokenCase("CdpUrlReachesNothing", "the CDP URL is a stale address no browser"
            + " listens on", (p, clock) -> new BrokenReads.CdpUrlReachesNothing(p),
            Set.of("R12.1"), true),
        new BrokenCase("UserAgentNotApplied", "the requested user agent is recorded, the page"
            + " shows the browser's own", (p, clock) -> new BrowserBacked(p,
                page -> new FakeBrowser.Page(BrowserBacked.DEFAULT_USER_AGENT, page.width(),
                    page.height())), Set.of("R12.2"), true),
        new BrokenCase("WindowNotViewport", "the window is the requested size, the page 143 px"
            + " shorter", (p, clock) -> new BrowserBacked(p,
                page -> new FakeBrowser.Page(page.userAgent(), page.width(), page.height() - 143)),
            Set.of("R12.3"), true),
        new BrokenCase("SweepRewritesEnd", "sessions stopped 30 min ago turn TIMED_OUT",
            BrokenOverTime.SweepRewritesEnd::new, Set.of("R3.4"), false),
        new BrokenCase("SecondStopRewritesEnd", "a second stop answers CLOSED whatever ended it",
            BrokenOverTime.SecondStopRewritesEnd::new, Set.of("R8.5")),
        new BrokenCase("IdleTimeoutUnderstated", "reports half the idle timeout it enforces",
            BrokenOverTime.IdleTimeoutUnderstated::new, Set.of("R8.1")),
        new BrokenCase("MaxDurationUnderstated", "reports half the maximum duration it enforces",
            BrokenOverTime.MaxDurationUnderstated::new, Set.of("R8.2", "R8.4")),
        new BrokenCase("MaxDurationOverstated", "reports twice the maximum duration it enforces",
            BrokenOverTime.MaxDurationOverstated::new, Set.of("R8.2")),
        new BrokenCase("LastTimeoutWins", "with both timeouts only the maximum duration is sent",
            BrokenOverTime.LastTimeoutWins::new, Set.of("R7.6")),
        new BrokenCase("ExtraSessionPerCreate", "a retried create leaves a second session",
            BrokenLifecycle.ExtraSessionPerCreate::new, Set.of("R2.10", "R10.7")),
        new BrokenCase("CrossedParallelCreates", "parallel creates answer another caller's tags",
            BrokenLifecycle.CrossedParallelCreates::new, Set.of("R9.5")),
        new BrokenCase("UnusableAfterClose", "name() and capabilities() throw after close()",
            BrokenLifecycle.UnusableAfterClose::new, Set.of("R10.5")),
        new BrokenCase("ThreadLeftRunning", "a keep-alive thread outlives close()",
            BrokenLifecycle.ThreadLeftRunning::new, Set.of("R10.6")));
  }
}
