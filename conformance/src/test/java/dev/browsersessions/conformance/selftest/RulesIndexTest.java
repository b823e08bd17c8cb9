package dev.browsersessions.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RULES.md and the contract class stay in sync: one rule per test, ids matching. */
class RulesIndexTest {

  @Test
  void everyRuleNamesAnExistingTestWithTheSameId() {
    Map<String, String> rules = RulesDocument.read().testsByRule();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(30);
    Set<String> tests = KitSelfTest.ruleTestNames();
    rules.forEach((id, test) -> {
      assertThat(tests).as("rule %s names test %s", id, test).contains(test);
      assertThat(KitResult.ruleOf(test)).as("test %s checks rule %s", test, id).isEqualTo(id);
    });
  }

  @Test
  void everyTestHasARule() {
    assertThat(RulesDocument.read().testsByRule().values())
        .containsExactlyInAnyOrderElementsOf(KitSelfTest.ruleTestNames());
  }

  @Test
  void testLevelMatchesTheRulesLevel() {
    KitSelfTest.ruleTestNames().forEach(test -> assertThat(test)
        .as("test names start with required_ or optional_").matches("(required|optional)_R.*"));
  }
}
