package dev.browsersessions.notte.internal;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.http.HttpFailure;
import java.util.Locale;

/**
 * Notte's error quirks, recognised once where an answer is mapped to an exception (provider-http's
 * {@code Quirk} hook): a stop of a session that already ended is answered with an error saying
 * "already stopped" or "already closed", which means the session has ended.
 */
public final class NotteQuirks {

  private NotteQuirks() {}

  /**
   * The internal signal of a stop answered "already stopped/closed"; the provider catches it and
   * returns the session's terminal state, so it never reaches a caller.
   */
  public static final class AlreadyEnded extends BrowserSessionException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps the mapped failure.
     *
     * @param mapped what the standard mapping made of the answer
     */
    public AlreadyEnded(BrowserSessionException mapped) {
      super(mapped.getMessage(), mapped.provider().orElse(null),
          mapped.httpStatus().orElse(0), false, mapped);
    }
  }

  /**
   * The quirk hook: an error answer saying the session already ended becomes {@link AlreadyEnded}
   * (not a 404: that stays "not found").
   *
   * @param failure the answer
   * @param mapped what the standard mapping made of it
   * @return the exception to throw
   */
  public static BrowserSessionException adjust(HttpFailure failure, BrowserSessionException mapped) {
    return failure.status() != 404 && saysAlreadyEnded(failure.said())
        ? new AlreadyEnded(mapped) : mapped;
  }

  /**
   * Whether Notte's text says the session already ended.
   *
   * @param text what Notte said
   * @return {@code true} for "already stopped" or "already closed"
   */
  public static boolean saysAlreadyEnded(String text) {
    String m = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return m.contains("already stopped") || m.contains("already closed");
  }
}
