package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.cli.ExitCodes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code list}: the sessions the provider knows, optionally by status. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the provider's sessions (needs a provider that can list).")
final class ListCommand extends ProviderCommand {

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      split = ",",
      description = "Only sessions in these statuses, repeatable or comma-separated: ${COMPLETION-CANDIDATES}.")
  Set<SessionStatus> statuses;

  @Option(
      names = "--metadata",
      paramLabel = "KEY=VALUE",
      description = "Only sessions with this tag, repeatable.")
  Map<String, String> metadata;

  @Override
  public Integer call() {
    SessionFilter filter =
        new SessionFilter(
            statuses == null ? Set.of() : statuses, metadata == null ? Map.of() : metadata);
    try (BrowserSessions sessions =
        chooser().open(ProviderChooser.Lifetime.OUTLIVE_COMMAND)) {
      List<SessionInfo> found = sessions.list(filter);
      if (common.json) {
        out().println(Json.write(SessionView.toJson(found)));
      } else if (found.isEmpty()) {
        out().println("No sessions on provider " + sessions.provider() + ".");
      } else {
        SessionView.printTable(found, out());
      }
    }
    return ExitCodes.OK;
  }
}
