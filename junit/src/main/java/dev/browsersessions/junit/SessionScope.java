package dev.browsersessions.junit;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sessions of one test or one test class: those the extension started for it, and the ones
 * open when it began, so that what the test itself started and left running can be found.
 */
final class SessionScope {

  private final BrowserSessions client;
  private final String what;
  private final Set<String> openBefore;
  private final List<BrowserSession> managed = new CopyOnWriteArrayList<>();

  SessionScope(BrowserSessions client, String what) {
    this.client = client;
    this.what = what;
    this.openBefore = client.openSessions();
  }

  BrowserSession start() {
    BrowserSession session = client.start(SessionRequest.defaults());
    managed.add(session);
    return session;
  }

  /**
   * Stops the managed sessions and any session the scope started itself and left running.
   *
   * @param failOnLeak whether a leaked session is a failure
   * @param lookForLeaks whether to look at all: not for a test running concurrently with others
   *     of its class, whose sessions it cannot tell from its own (the class's scope finds them)
   * @throws AssertionError naming leaked sessions, or sessions that could not be stopped
   */
  void finish(boolean failOnLeak, boolean lookForLeaks) {
    List<Throwable> failures = new ArrayList<>();
    List<String> unstopped = new ArrayList<>();
    for (BrowserSession s : managed) {
      stop(s.id(), unstopped, failures);
    }
    Set<String> leaked = new LinkedHashSet<>();
    if (lookForLeaks) {
      leaked.addAll(client.openSessions());
      leaked.removeAll(openBefore);
      managed.forEach(s -> leaked.remove(s.id()));
    }
    for (String id : leaked) {
      stop(id, unstopped, failures);
    }
    AssertionError error = null;
    if (failOnLeak && !leaked.isEmpty()) {
      error = new AssertionError(
          what + " left " + leaked.size() + " browser session(s) running that it started itself: "
              + leaked + ". They have been stopped now. Stop sessions where they are started"
              + " (try-with-resources or session.stop()), or let the extension manage them with a"
              + " BrowserSession parameter or a @Managed field.");
    }
    if (!unstopped.isEmpty()) {
      AssertionError stopError = new AssertionError(
          what + ": browser session(s) " + unstopped + " could not be stopped; they may still"
              + " run (and bill) at the provider '" + client.provider() + "'.");
      if (error == null) {
        error = stopError;
      } else {
        error.addSuppressed(stopError);
      }
    }
    if (error != null) {
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  private void stop(String id, List<String> unstopped, List<Throwable> failures) {
    try {
      client.stop(id);
    } catch (SessionNotFoundException gone) {
      // already gone at the provider: nothing runs
    } catch (RuntimeException e) {
      unstopped.add(id);
      failures.add(e);
    }
  }
}
