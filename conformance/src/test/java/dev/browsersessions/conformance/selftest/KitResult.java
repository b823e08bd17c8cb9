package dev.browsersessions.conformance.selftest;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one launch of the kit did, per test method.
 *
 * @param failed failed tests: method name to failure message
 * @param aborted skipped tests (JUnit assumptions): method name to reason
 * @param passed passed test method names
 */
public record KitResult(
    Map<String, String> failed, Map<String, String> aborted, Set<String> passed) {

  private static final Pattern RULE = Pattern.compile("_R(\\d+)_(\\d+)_");

  /**
   * The rule ids of the failed tests.
   *
   * @return e.g. {@code [R4.2, R9.2]}, sorted by section then number
   */
  public Set<String> failedRules() {
    Set<String> rules = new TreeSet<>(KitResult::compareRuleIds);
    failed.keySet().forEach(m -> rules.add(ruleOf(m)));
    return rules;
  }

  /**
   * The rule ids of the aborted tests.
   *
   * @return the ids, sorted
   */
  public Set<String> abortedRules() {
    Set<String> rules = new TreeSet<>(KitResult::compareRuleIds);
    aborted.keySet().forEach(m -> rules.add(ruleOf(m)));
    return rules;
  }

  /**
   * The total number of tests run.
   *
   * @return failed + aborted + passed
   */
  public int total() {
    return failed.size() + aborted.size() + passed.size();
  }

  /**
   * The rule id a test method checks.
   *
   * @param method e.g. {@code required_R4_2_secondStop...}
   * @return e.g. {@code R4.2}; the name itself when it carries no rule id
   */
  public static String ruleOf(String method) {
    Matcher m = RULE.matcher(method);
    if (!m.find()) {
      return method; // e.g. a failed container: shown as it is
    }
    return "R" + m.group(1) + "." + m.group(2);
  }

  /**
   * Orders rule ids numerically: R2.10 after R2.9, R10.1 after R9.4.
   *
   * @param a a rule id
   * @param b another
   * @return the comparison
   */
  public static int compareRuleIds(String a, String b) {
    if (!a.matches("R\\d+\\.\\d+") || !b.matches("R\\d+\\.\\d+")) {
      return a.compareTo(b);
    }
    String[] x = a.substring(1).split("\\.");
    String[] y = b.substring(1).split("\\.");
    int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
    return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
  }
}
