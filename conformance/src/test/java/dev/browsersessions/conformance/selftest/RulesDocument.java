package dev.browsersessions.conformance.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads conformance/RULES.md: the rule index and the broken-provider table. */
final class RulesDocument {

  private static final Path FILE = Path.of("RULES.md");
  private static final Pattern HEADING = Pattern.compile("^### (R\\d+\\.\\d+) (.+)$");
  private static final Pattern TEST = Pattern.compile("Test: `(\\w+)`");
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (.+) \\| (.*) \\|$");

  private final List<String> lines;

  private RulesDocument(List<String> lines) {
    this.lines = lines;
  }

  static RulesDocument read() {
    try {
      return new RulesDocument(Files.readAllLines(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
    }
  }

  /** Rule id to the test method named on the line after its heading. */
  Map<String, String> testsByRule() {
    Map<String, String> tests = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher h = HEADING.matcher(lines.get(i));
      if (h.matches()) {
        Matcher t = TEST.matcher(i + 1 < lines.size() ? lines.get(i + 1) : "");
        tests.put(h.group(1), t.find() ? t.group(1) : "");
      }
    }
    return tests;
  }

  /** Broken provider name to the rules its table row says catch it. */
  Map<String, Set<String>> catchingRules() {
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        Set<String> rules = new TreeSet<>(KitResult::compareRuleIds);
        Arrays.stream(m.group(3).split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .forEach(rules::add);
        rows.put(m.group(1), rules);
      }
    }
    return rows;
  }

  static String row(BrokenCase c, KitResult r) {
    return "| `" + c.name() + "` | " + c.bug() + " | "
        + r.failedRules().stream().collect(Collectors.joining(", ")) + " |";
  }
}
