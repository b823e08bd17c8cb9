package dev.browsersessions;

import java.util.List;
import java.util.Optional;

/**
 * A request was rejected as invalid, either by this library before any call to the vendor or by
 * the vendor (HTTP 400 or 422). {@link #field()} names the offending field when it is known, and
 * {@link #fieldErrors()} carries the vendor's own field messages.
 */
public class InvalidSessionRequestException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** The offending field, or {@code null}. */
  private final String field;
  /** The vendor's per-field messages. */
  private final List<String> fieldErrors;

  /**
   * Creates an exception raised by validation before any vendor call.
   *
   * @param field the offending field, e.g. {@code idleTimeout}
   * @param message what is wrong, naming the field and the accepted values
   */
  public InvalidSessionRequestException(String field, String message) {
    this(field, message, null, 0, List.of());
  }

  /**
   * Creates an exception, typically from a vendor's 400 or 422 answer.
   *
   * @param field the offending field, or {@code null}
   * @param message what is wrong
   * @param provider the provider's name, or {@code null}
   * @param httpStatus the vendor's status, or {@code 0}
   * @param fieldErrors the vendor's field messages, possibly empty
   */
  public InvalidSessionRequestException(
      String field, String message, String provider, int httpStatus, List<String> fieldErrors) {
    super(message, provider, httpStatus, false, null);
    this.field = field;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /**
   * A vendor's refusal of a request (its 400 or 422), naming no single field.
   *
   * @param message what the vendor said
   * @param provider the provider's name
   * @param httpStatus the vendor's status
   * @param fieldErrors the vendor's field messages, possibly empty
   * @return the exception
   */
  public static InvalidSessionRequestException refused(
      String message, String provider, int httpStatus, List<String> fieldErrors) {
    return new InvalidSessionRequestException(null, message, provider, httpStatus, fieldErrors);
  }

  /**
   * The offending field.
   *
   * @return the field's name, when known
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /**
   * The vendor's messages for individual fields, e.g. from a 422 {@code detail} list.
   *
   * @return the messages, possibly empty
   */
  public List<String> fieldErrors() {
    return fieldErrors;
  }
}
