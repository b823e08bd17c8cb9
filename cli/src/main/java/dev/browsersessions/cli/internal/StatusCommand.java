package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code status ID}: one session's current state. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a session's current state. Exit code 3 if the provider has no such"
        + " session.")
final class StatusCommand extends ProviderCommand {

  @Parameters(paramLabel = "ID", description = "The session's id.")
  String id;

  @Override
  public Integer call() {
    try (BrowserSessions sessions =
        chooser().open(ProviderChooser.Lifetime.OUTLIVE_COMMAND)) {
      SessionInfo info = sessions.status(id);
      if (common.json) {
        out().println(Json.write(SessionView.toJson(info)));
      } else {
        SessionView.printDetails(info, out());
      }
    }
    return ExitCodes.OK;
  }
}
