package dev.browsersessions.reliability;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.reliability.FaultProxy.Fault;

/** The documented exception type for a persistent fault (provider-http README). */
final class Expected {

  private Expected() {}

  static Class<? extends BrowserSessionException> type(Fault fault) {
    return switch (fault) {
      case S429, S429_RETRY_AFTER -> RateLimitedException.class;
      case TRUNCATED_JSON, MALFORMED_JSON, HUGE_BODY_200 -> ProviderProtocolException.class;
      // a transport failure after the headers (reset, stalled body) is one like any other
      case S500, S502, S503, S529, HUGE_BODY_500, RESET_REQUEST, RESET_RESPONSE, EMPTY_REPLY,
          SLOW_HEADERS, SLOW_BODY -> ProviderUnavailableException.class;
    };
  }
}
