package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.ProviderUnavailableException;

/**
 * Completes a failure's message with what the provider found out afterwards, e.g. what the
 * reconciliation of a create whose answer was lost found and did, without changing what callers
 * catch: the same exception type, provider, HTTP status and retryability, the original as the
 * cause, its suppressed exceptions kept.
 */
public final class FailureNotes {

  private FailureNotes() {}

  /**
   * The failure with a note appended to its message.
   *
   * @param failure the failure
   * @param note what happened afterwards, one sentence or more
   * @return a new exception of the same kind; for a kind it cannot rebuild, the failure itself
   *     with the note as a suppressed exception
   */
  public static BrowserSessionException withNote(BrowserSessionException failure, String note) {
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
