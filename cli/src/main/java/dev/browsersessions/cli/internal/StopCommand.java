package dev.browsersessions.cli.internal;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.cli.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stop ID...} and {@code stop --all}: stops sessions. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stop sessions by id, or every active session the provider lists with --all.",
      "Stopping a session that already ended is fine. Exit code 3 if an id is unknown."
    })
final class StopCommand extends ProviderCommand {

  private static final int IDS_SHOWN = 10;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "The sessions to stop.")
  List<String> ids;

  @Option(
      names = "--all",
      description = "Stop every active session the provider lists, not only those this tool"
          + " started. Asks first unless --yes.")
  boolean all;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation with --all.")
  boolean yes;

  @Override
  public Integer call() {
    boolean haveIds = ids != null && !ids.isEmpty();
    if (all == haveIds) {
      throw usage(all ? "Give session ids or --all, not both" : "Give session ids or --all");
    }
    try (BrowserSessions sessions =
        chooser().open(ProviderChooser.Lifetime.OUTLIVE_COMMAND)) {
      List<String> targets = all ? activeIds(sessions) : ids;
      if (all) {
        if (targets.isEmpty()) {
          report(List.of(), "No active sessions on provider " + sessions.provider() + ".");
          return ExitCodes.OK;
        }
        if (!yes && !confirmed(sessions.provider(), targets)) {
          return ErrorReporter.report(
              ExitCodes.FAILURE, "Declined", "Aborted; no session was stopped.", errorStyle(),
              env().err());
        }
      }
      return stopAll(sessions, targets);
    }
  }

  private List<String> activeIds(BrowserSessions sessions) {
    List<String> active = new ArrayList<>();
    sessions.list(SessionFilter.active()).forEach(s -> active.add(s.id()));
    return active;
  }

  private boolean confirmed(String provider, List<String> targets) {
    String shown =
        String.join(", ", targets.subList(0, Math.min(targets.size(), IDS_SHOWN)))
            + (targets.size() > IDS_SHOWN ? ", ..." : "");
    String question =
        "Stop " + targets.size() + " active session(s) on provider " + provider + " (" + shown
            + ")?";
    return switch (Confirmation.ask(question, env())) {
      case YES -> true;
      case NO -> false;
      case NO_ANSWER ->
          throw usage(
              "Refusing to stop " + targets.size() + " session(s) without confirmation: no"
                  + " answer on standard input; add --yes to stop them without asking");
    };
  }

  private int stopAll(BrowserSessions sessions, List<String> targets) {
    List<SessionInfo> stopped = new ArrayList<>();
    int exit = ExitCodes.OK;
    for (String id : targets) {
      try {
        stopped.add(sessions.stop(id));
      } catch (RuntimeException e) {
        exit = worse(exit, ErrorReporter.report(e, errorStyle(), env().err()));
      }
    }
    report(stopped, null);
    return exit;
  }

  private void report(List<SessionInfo> stopped, String emptyMessage) {
    if (common.json) {
      out().println(Json.write(SessionView.toJson(stopped)));
      return;
    }
    if (stopped.isEmpty() && emptyMessage != null) {
      out().println(emptyMessage);
    }
    stopped.forEach(s -> SessionView.printStopped(s, out()));
  }

  /** The more serious of two exit codes: failure, then bad usage, then not found, then ok. */
  private static int worse(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    return switch (code) {
      case ExitCodes.FAILURE -> 3;
      case ExitCodes.USAGE -> 2;
      case ExitCodes.NOT_FOUND -> 1;
      default -> 0;
    };
  }
}
