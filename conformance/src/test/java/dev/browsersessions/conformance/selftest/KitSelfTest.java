package dev.browsersessions.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.conformance.selftest.broken.BrokenLifecycle;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit proves itself: the honest reference provider passes every rule, and every broken
 * provider fails the rules written to catch its bug.
 */
class KitSelfTest {

  private static final Map<String, String> ROWS = new ConcurrentHashMap<>();

  @Test
  void referenceWithEveryCapabilityPassesTheWholeKit() {
    KitResult r = KitRun.run(() -> Fixture.honest(ReferenceProvider.everything()));
    assertThat(r.failed()).isEmpty();
    assertThat(r.total()).isEqualTo(ruleTestCount());
    assertThat(r.abortedRules())
        .as("R11.3 has nothing to check when all is declared; section 12 needs a live browser")
        .containsExactly("R11.3", "R12.1", "R12.2", "R12.3", "R12.4");
    assertThat(r.aborted()).hasEntrySatisfying("optional_R12_2_userAgentIsAppliedInThePage",
        reason -> assertThat(reason).contains("unverified:"));
  }

  @Test
  void referenceWithoutOptionalCapabilitiesPassesThroughRefusalChecks() {
    KitResult r = KitRun.run(() -> Fixture.honest(EnumSet.noneOf(Capability.class)));
    assertThat(r.failed()).isEmpty();
    assertThat(r.total()).isEqualTo(ruleTestCount());
    assertThat(r.abortedRules()).as("CDP_URL and LIVE_VIEW have no option to refuse")
        .containsExactly("R2.5", "R2.6", "R12.1");
    assertThat(r.passed()).as("optional rules became refusal checks and passed")
        .anyMatch(m -> m.startsWith("optional_R6_1"))
        .anyMatch(m -> m.startsWith("optional_R8_1"));
  }

  @Test
  void referenceBackedByABrowserPassesTheChecksInTheBrowser() {
    KitResult r = KitRun.run(() -> Fixture.reference(ReferenceProvider.everything(),
        (p, clock) -> new BrowserBacked(p, UnaryOperator.identity())).claimingLiveBrowser());
    assertThat(r.failed()).isEmpty();
    assertThat(r.passed()).as("section 12 checked in the (fake) browser")
        .anyMatch(m -> m.startsWith("optional_R12_1"))
        .anyMatch(m -> m.startsWith("optional_R12_2"))
        .anyMatch(m -> m.startsWith("optional_R12_3"));
    assertThat(r.aborted()).hasEntrySatisfying(
        "optional_R12_4_uncheckableOptionsAreReportedUnverified",
        reason -> assertThat(reason).contains("unverified:").contains("PROXY")
            .doesNotContain("USER_AGENT"));
  }

  @Test
  void withoutTimeControlTheTimeoutRulesAreSkippedWithTheReason() {
    KitResult r = KitRun.run(() -> {
      Fixture f = Fixture.honest(ReferenceProvider.everything());
      return new Fixture(f.provider(), Optional.empty(), f.clock(), false);
    });
    assertThat(r.failed()).isEmpty();
    assertThat(r.abortedRules()).contains("R8.1", "R8.2", "R8.3", "R8.4", "R8.5");
    assertThat(r.aborted()).hasEntrySatisfying("optional_R8_1_idleTimeoutEndsSessionAsTimedOut",
        reason -> assertThat(reason).contains("timeControl()"));
  }

  @Test
  void theKitStopsEverySessionItCreated() {
    List<BrowserSessionProvider> providers = new CopyOnWriteArrayList<>();
    KitResult r = KitRun.run(() -> {
      Fixture f = Fixture.honest(ReferenceProvider.everything());
      providers.add(f.provider());
      return f;
    });
    assertThat(r.failed()).isEmpty();
    List<SessionInfo> all = providers.stream()
        .flatMap(p -> p.list(SessionFilter.all()).stream()).toList();
    assertThat(all).as("sessions the kit created").hasSizeGreaterThan(50);
    assertThat(all).as("no session is left running after the kit")
        .allMatch(SessionInfo::isTerminal);
  }

  @Test
  void withoutMetadataTheKitNeitherBlamesNorStopsAnotherClientsSession() {
    AnotherClientMeanwhile.STOPPED_OTHERS.clear();
    KitResult r = KitRun.run(() -> Fixture.reference(ReferenceProvider.everything(),
        (p, clock) -> new AnotherClientMeanwhile(p, (ManualClock) clock)));
    assertThat(r.failed()).as("an older session the list shows late is not the kit's").isEmpty();
    assertThat(AnotherClientMeanwhile.STOPPED_OTHERS)
        .as("the kit stops only sessions it started").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.browsersessions.conformance.selftest.BrokenCase#all")
  void theKitFailsEveryBrokenProvider(BrokenCase broken) {
    KitResult r = KitRun.run(broken::fixture);
    ROWS.put(broken.name(), RulesDocument.row(broken, r));
    assertThat(r.failedRules())
        .as("%s (%s) must fail rules %s; failures: %s", broken.name(), broken.bug(),
            broken.mustCatch(), r.failed())
        .containsAll(broken.mustCatch());
    assertThat(RulesDocument.read().catchingRules())
        .as("RULES.md's table must list exactly the rules that catch %s", broken.name())
        .containsEntry(broken.name(), r.failedRules());
  }

  /** Prints the table rows as they are now, to paste into RULES.md when the kit changes. */
  @AfterAll
  static void printBrokenProviderTable() {
    BrokenLifecycle.ThreadLeftRunning.releaseAll();
    new TreeMap<>(ROWS).values().forEach(System.out::println);
  }

  private static int ruleTestCount() {
    return (int) Arrays.stream(BrowserSessionProviderContract.class.getMethods())
        .filter(m -> m.isAnnotationPresent(Test.class))
        .count();
  }

  static Set<String> ruleTestNames() {
    return Arrays.stream(BrowserSessionProviderContract.class.getMethods())
        .filter(m -> m.isAnnotationPresent(Test.class))
        .map(java.lang.reflect.Method::getName)
        .collect(Collectors.toSet());
  }
}
