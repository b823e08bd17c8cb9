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
      // a reset after the headers is reported as an unreadable body (see RELIABILITY.md)
      case TRUNCATED_JSON, MALFORMED_JSON, HUGE_BODY_200, RESET_RESPONSE -> ProviderProtocolException.class;
      case S500, S502, S503, S529, HUGE_BODY_500, RESET_REQUEST, EMPTY_REPLY,
          SLOW_HEADERS, SLOW_BODY -> ProviderUnavailableException.class;
    };
  }
}
