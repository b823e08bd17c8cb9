package dev.browsersessions.reliability;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.reliability.FaultProxy.Fault;
import java.util.List;

/** The documented exception type for a persistent fault (provider-http README). */
final class Expected {

  private Expected() {}

  /**
   * The types a persistent fault may end in.
   *
   * @param fault the fault
   * @return one type, or two where the request timeout may pass first
   */
  static List<Class<? extends BrowserSessionException>> types(Fault fault) {
    return switch (fault) {
      case S429, S429_RETRY_AFTER -> List.of(RateLimitedException.class);
      case TRUNCATED_JSON, MALFORMED_JSON -> List.of(ProviderProtocolException.class);
      // refused past 16 MiB, unless request-timeout ends the read first on a loaded machine
      case HUGE_BODY_200 -> List.of(ProviderProtocolException.class, ProviderUnavailableException.class);
      // a transport failure after the headers (reset, stalled body) is one like any other
      case S500, S502, S503, S529, HUGE_BODY_500, RESET_REQUEST, RESET_RESPONSE, EMPTY_REPLY,
          SLOW_HEADERS, SLOW_BODY, LOST_ANSWER, LOST_ANSWER_SLOW ->
          List.of(ProviderUnavailableException.class);
    };
  }
}
