package dev.browsersessions.cli.internal;

import dev.browsersessions.cli.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code providers}: the providers on the class path and which one a command would use. */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "List the providers found on the class path and show which one is selected.")
final class ProvidersCommand extends ProviderCommand {

  @Override
  public Integer call() {
    ProviderChooser chooser = chooser();
    Set<String> available = chooser.available();
    ProviderChooser.Choice choice = chooser.choose(available);
    String selected = choice.name().orElse(null);
    if (common.json) {
      List<Map<String, Object>> providers = new ArrayList<>();
      for (String name : available) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("selected", name.equals(selected));
        providers.add(p);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("providers", providers);
      doc.put("selected", selected);
      doc.put("reason", choice.reason());
      out().println(Json.write(doc));
    } else {
      List<List<String>> rows = new ArrayList<>();
      available.forEach(name -> rows.add(List.of(name, name.equals(selected) ? "yes" : "")));
      Table.print(List.of("PROVIDER", "SELECTED"), rows, out());
      if (selected != null) {
        out().println();
        out().println("Selected: " + selected + " (" + choice.reason() + ")");
      }
    }
    if (selected == null) {
      // Listing is what was asked: several providers and none chosen is still a fine answer.
      int code =
          switch (choice.outcome()) {
            case UNKNOWN_NAME -> ExitCodes.USAGE;
            case NONE_AVAILABLE -> ExitCodes.FAILURE;
            default -> ExitCodes.OK;
          };
      if (code == ExitCodes.OK && common.json) {
        return code; // not an error: standard output's "reason" says why none is selected
      }
      return ErrorReporter.report(
          code, "ProviderNotFoundException", choice.reason(), errorStyle(), env().err());
    }
    return ExitCodes.OK;
  }
}
