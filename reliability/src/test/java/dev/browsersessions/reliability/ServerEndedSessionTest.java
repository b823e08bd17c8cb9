package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session the server ends on its own (idle or session timeout on the simulator's clock, or a
 * vendor error): status reports the terminal state, stop is idempotent and returns it, list
 * reflects it, and {@code close()} does not report it as leaked.
 */
class ServerEndedSessionTest {

  /** How the server ends the session. */
  enum Ending { TIMEOUT, ERROR }

  /** Whether the client reads the status before it stops the session, or only stops it. */
  enum Order { STATUS_THEN_STOP, STOP_ONLY }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String p : List.of("notte", "stagehand")) {
      for (Ending e : Ending.values()) {
        for (Order o : Order.values()) {
          all.add(Arguments.of(p, e, o));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void aSessionTheServerEndedIsTerminalEverywhereAndNotLeaked(String provider, Ending ending,
      Order order) throws Exception {
    try (Target t = Target.of(provider)) {
      BrowserSessions client = t.client();
      String id = client.start(request(provider)).id();
      String other = client.start(request(provider)).id();
      SessionStatus expected = end(t, id, ending);

      if (order == Order.STATUS_THEN_STOP) {
        assertThat(client.status(id).status()).as("status").isEqualTo(expected);
      }
      SessionInfo stopped = client.stop(id);
      assertThat(stopped.status()).as("stop returns the terminal state").isEqualTo(expected);
      assertThat(client.stop(id).status()).as("a second stop").isEqualTo(expected);

      List<SessionInfo> all = client.list(SessionFilter.all());
      assertThat(all).filteredOn(s -> s.id().equals(id)).singleElement()
          .extracting(SessionInfo::status).isEqualTo(expected);
      assertThat(client.list(SessionFilter.active())).extracting(SessionInfo::id)
          .doesNotContain(id);

      // a timeout ended the second session too; an error left it running for close() to stop
      assertThat(client.status(other).status()).isEqualTo(
          ending == Ending.TIMEOUT ? SessionStatus.TIMED_OUT : SessionStatus.ACTIVE);
      assertThatCode(client::close).as("close() reports nothing").doesNotThrowAnyException();
      assertThat(t.activeCount.getAsLong()).as("active left").isZero();
    }
  }

  /** Notte: a one-minute idle timeout within a long maximum; Browserbase: its session timeout. */
  private static SessionRequest request(String provider) {
    return provider.equals("notte")
        ? SessionRequest.builder().idleTimeout(Duration.ofMinutes(1))
            .maxDuration(Duration.ofHours(1)).build()
        : SessionRequest.defaults();
  }

  private static SessionStatus end(Target t, String id, Ending ending) {
    if (ending == Ending.ERROR) {
      t.endWithError.orElseThrow().accept(id);
      return SessionStatus.ERROR;
    }
    // Notte: past the idle timeout only; Browserbase: past its default 300 s session timeout
    t.advanceClock.accept(t.provider.equals("notte") ? Duration.ofMinutes(2)
        : Target.PAST_EVERY_TIMEOUT);
    return SessionStatus.TIMED_OUT;
  }
}
