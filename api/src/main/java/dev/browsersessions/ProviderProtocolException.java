package dev.browsersessions;

import java.util.Optional;

/**
 * The vendor answered something this library cannot understand: an undecodable body, a missing
 * required field, an unexpected shape. Carries a bounded excerpt of the body for diagnosis.
 */
public class ProviderProtocolException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** The largest body excerpt kept, in characters. */
  public static final int MAX_EXCERPT = 512;

  /** A bounded, redacted excerpt of the answer, or {@code null}. */
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the answer
   * @param provider the provider's name
   * @param httpStatus the vendor's status, or {@code 0}
   * @param body the body received (cut to {@link #MAX_EXCERPT} characters), or {@code null}
   * @param cause the parse failure, or {@code null}
   */
  public ProviderProtocolException(
      String message, String provider, int httpStatus, String body, Throwable cause) {
    super(message, provider, httpStatus, false, cause);
    this.bodyExcerpt = excerpt(body);
  }

  /**
   * An answer that arrived but could not be used, without a parse failure behind it.
   *
   * @param message what was wrong with the answer
   * @param provider the provider's name
   * @param httpStatus the vendor's status, or {@code 0}
   * @param body the body received (cut to {@link #MAX_EXCERPT} characters), or {@code null}
   * @return the exception
   */
  public static ProviderProtocolException unusable(
      String message, String provider, int httpStatus, String body) {
    return new ProviderProtocolException(message, provider, httpStatus, body, null);
  }

  /**
   * A failure of no known kind while handling an answer (e.g. a bug in a decoder): the outcome of
   * the call is unknown, the vendor may have acted on it.
   *
   * @param message what failed
   * @param provider the provider's name
   * @param cause the failure
   * @return the exception, {@linkplain #isOutcomeUnknown() outcome unknown}
   */
  public static ProviderProtocolException unexpected(
      String message, String provider, Throwable cause) {
    ProviderProtocolException e = new ProviderProtocolException(message, provider, 0, null, cause);
    e.markOutcomeUnknown();
    return e;
  }

  /**
   * A bounded excerpt of the body that could not be understood.
   *
   * @return at most {@link #MAX_EXCERPT} characters of the body, when there was one
   */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }

  private static String excerpt(String body) {
    if (body == null) {
      return null;
    }
    return body.length() <= MAX_EXCERPT ? body : body.substring(0, MAX_EXCERPT) + "…";
  }
}
