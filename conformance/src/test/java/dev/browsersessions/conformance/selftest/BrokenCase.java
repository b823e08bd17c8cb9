package dev.browsersessions.conformance.selftest;

import dev.browsersessions.Capability;
import dev.browsersessions.conformance.selftest.broken.BrokenProviders;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One deliberately broken provider and the rules the kit must fail it on.
 *
 * @param name the decorator's simple name, as in RULES.md
 * @param bug what it gets wrong
 * @param wrap builds the broken provider around the honest one
 * @param mustCatch the rules whose tests must fail (at least these)
 */
public record BrokenCase(
    String name,
    String bug,
    Function<BrowserSessionProvider, BrowserSessionProvider> wrap,
    Set<String> mustCatch) {

  /**
   * A fixture for this case: the reference provider with every capability, wrapped.
   *
   * @return a fresh fixture
   */
  public Fixture fixture() {
    Set<Capability> all = ReferenceProvider.everything();
    return Fixture.reference(all, wrap);
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
            BrokenProviders.WrongName::new, Set.of("R1.1", "R1.2")));
  }
}
