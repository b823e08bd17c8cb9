package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.cli.ExitCodes;
import dev.browsersessions.spi.ServerText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code start}: starts a session that keeps running after the command ends. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start a session and print its id and CDP URL. The session keeps running until you stop"
          + " it ('browser-sessions stop ID') or the vendor ends it.",
      "Use 'run' instead for a session that ends with the command."
    })
final class StartCommand extends ProviderCommand {

  @Mixin SessionRequestOptions request = new SessionRequestOptions();

  @Override
  public Integer call() {
    SessionRequest r = request.toRequest(env().environment());
    try (BrowserSessions sessions =
        chooser().open(ProviderChooser.Lifetime.OUTLIVE_COMMAND)) {
      BrowserSession session = sessions.start(r);
      SessionInfo info = session.info();
      if (common.json) {
        out().println(Json.write(SessionView.toJson(info)));
      } else {
        SessionView.printDetails(info, out());
        out().println();
        out().println(
            ServerText.clean(
                "Stop it with: browser-sessions stop --provider " + info.provider() + " "
                    + info.id()));
      }
    }
    return ExitCodes.OK;
  }
}
