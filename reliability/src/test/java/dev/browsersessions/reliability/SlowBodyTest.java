package dev.browsersessions.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** A body that trickles past {@code request-timeout} must fail within the timeout's bound. */
class SlowBodyTest {

  @Disabled("bug: provider-http request-timeout bounds only the response headers (java.net.http "
      + "HttpRequest.timeout); a body that stalls after the headers blocks the caller until the "
      + "server gives up (20 s here), see RELIABILITY.md")
  @Test
  void aStalledBodyTimesOut() throws Exception {
    try (Target t = Target.notte(); BrowserSessions client = t.client()) {
      String id = client.start(dev.browsersessions.SessionRequest.defaults()).id();
      t.fault("GET", t.sessions + "/" + id, FaultProxy.Fault.SLOW_BODY, 100);
      long start = System.nanoTime();
      Throwable e = catchThrowable(() -> client.status(id));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
      assertThat(e).isInstanceOf(ProviderUnavailableException.class);
      t.clearFaults();
    }
  }
}
