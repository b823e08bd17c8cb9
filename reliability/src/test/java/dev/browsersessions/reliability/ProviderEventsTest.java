package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.Retry;
import dev.browsersessions.observe.SessionListener;
import dev.browsersessions.reliability.FaultProxy.Fault;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client's listeners hear what each REST provider does inside a call: a retry before its wait
 * (provider, operation, attempt, failure), and a lost create once, with what reconciling it did.
 */
class ProviderEventsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"notte", "stagehand"})
  void listenersHearRetriesAndLostCreates(String provider) throws Exception {
    List<Retry> retries = new CopyOnWriteArrayList<>();
    List<LostCreate> lost = new CopyOnWriteArrayList<>();
    SessionListener listener = new SessionListener() {
      @Override
      public void retrying(Retry retry) {
        retries.add(retry);
      }

      @Override
      public void lostCreate(LostCreate lostCreate) {
        lost.add(lostCreate);
      }
    };
    try (Target t = Target.of(provider);
        BrowserSessions client = BrowserSessions.builder().provider(provider)
            .config(t.config().build()).listener(listener).discoverListeners(false).build()) {
      String id = client.start(SessionRequest.defaults()).id();
      t.fault("GET", t.sessions + "/", Fault.S503, 1);
      client.status(id);
      assertThat(retries).singleElement().satisfies(r -> {
        assertThat(r.provider()).isEqualTo(provider);
        assertThat(r.operation()).isEqualTo(Operation.STATUS);
        assertThat(r.attempt()).isEqualTo(2);
        assertThat(r.failure()).isInstanceOf(BrowserSessionException.class);
      });
      assertThat(lost).isEmpty();

      t.fault("POST", t.sessions + "/start", Fault.LOST_ANSWER, 1);
      assertThat(catchThrowable(() -> client.start(SessionRequest.defaults())))
          .isInstanceOf(BrowserSessionException.class);
      assertThat(lost).singleElement().satisfies(l -> {
        assertThat(l.provider()).isEqualTo(provider);
        assertThat(l.resolution()).isEqualTo(LostCreate.Resolution.STOPPED);
        assertThat(l.sessionId()).isPresent().get().isNotEqualTo(id);
      });
      client.stop(id);
    }
  }
}
