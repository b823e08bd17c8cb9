package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.cli.ExitCodes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: starts a session, keeps it until Ctrl-C or {@code --duration}, then stops it. A
 * shutdown hook stops it on Ctrl-C, and the client's leak guard (stop on close, plus its own
 * shutdown hook) backs that up, so nothing is left running.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Start a session, print its CDP URL and keep it until Ctrl-C or --duration passes, then stop"
          + " it. Nothing is left running, even on Ctrl-C.",
      "With --json, prints one JSON object per line: {\"event\":\"started\",...} and"
          + " {\"event\":\"stopped\",...}."
    })
final class RunCommand extends ProviderCommand {

  @Mixin SessionRequestOptions request = new SessionRequestOptions();

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop the session after this long, e.g. 30s, 5m or PT30S. Default: until"
          + " Ctrl-C.")
  Duration duration;

  @Override
  public Integer call() {
    SessionRequest r = request.toRequest(env().environment());
    try (BrowserSessions sessions =
        chooser().open(ProviderChooser.Lifetime.END_WITH_COMMAND)) {
      BrowserSession session = sessions.start(r);
      SessionKeeper keeper = new SessionKeeper(session);
      Thread hook = new Thread(() -> stopOnShutdown(keeper), "browser-sessions-cli-stop");
      env().hooks().add(hook);
      try {
        printStarted(session.info());
        keeper.await(Optional.ofNullable(duration));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        env().hooks().remove(hook);
      }
      keeper.stopOnce().ifPresent(this::printStopped);
    }
    return ExitCodes.OK;
  }

  private void stopOnShutdown(SessionKeeper keeper) {
    try {
      keeper.stopOnce().ifPresent(this::printStopped);
    } catch (RuntimeException e) {
      ErrorReporter.report(e, errorStyle(), env().err());
    } finally {
      keeper.release();
    }
  }

  private void printStarted(SessionInfo info) {
    if (common.json) {
      out().println(Json.write(event("started", info)));
    } else {
      SessionView.printDetails(info, out());
      out().println();
      out().println(
          duration == null
              ? "Running; press Ctrl-C to stop the session."
              : "Running for " + duration + "; press Ctrl-C to stop the session sooner.");
    }
    out().flush();
  }

  private void printStopped(SessionInfo info) {
    if (common.json) {
      out().println(Json.write(event("stopped", info)));
    } else {
      SessionView.printStopped(info, out());
    }
    out().flush();
  }

  private static Map<String, Object> event(String name, SessionInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", name);
    m.put("session", SessionView.toJson(info));
    return m;
  }
}
