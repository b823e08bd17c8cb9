package dev.browsersessions.notte.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;

/** The failure of a lost create, its message completed with what reconciliation found. */
final class LostCreateFailures {

  /** How a user finds a session that may still run. */
  static final String HOW_TO_FIND = "Find it with sessions.list(SessionFilter.active()) (Notte"
      + " sessions carry no tag: look for one created at the time of this call) and stop it.";

  private LostCreateFailures() {}

  /**
   * The same kind of exception, with the same status and retryability, the original as its cause.
   *
   * @param failure the create's failure
   * @param note what reconciliation found
   * @return the exception to throw
   */
  static BrowserSessionException note(BrowserSessionException failure, String note) {
    String message = failure.getMessage() + " — " + note;
    String provider = failure.provider().orElse(null);
    int status = failure.httpStatus().orElse(0);
    BrowserSessionException out;
    if (failure instanceof ProviderProtocolException p) {
      out = new ProviderProtocolException(
          message, provider, status, p.bodyExcerpt().orElse(null), failure);
    } else if (failure instanceof ProviderUnavailableException) {
      out = new ProviderUnavailableException(message, provider, status, failure);
    } else if (failure.getClass() == BrowserSessionException.class) {
      out = new BrowserSessionException(message, provider, status, failure.isRetryable(), failure);
    } else {
      failure.addSuppressed(new BrowserSessionException(note, provider));
      return failure;
    }
    for (Throwable s : failure.getSuppressed()) {
      out.addSuppressed(s);
    }
    return out;
  }
}
