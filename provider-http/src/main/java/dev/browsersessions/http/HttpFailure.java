package dev.browsersessions.http;

import dev.browsersessions.spi.ServerText;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor's non-2xx answer, as the error mapper and a provider's quirk hook see it.
 *
 * @param status the HTTP status
 * @param method the request method
 * @param path the request path (no host, no query: never a secret)
 * @param headers the response headers
 * @param body at most {@link VendorHttp#MAX_ERROR_BODY} bytes of the body, or {@code null}
 * @param errorBody what the body says, when it could be read
 */
public record HttpFailure(
    int status,
    String method,
    String path,
    Map<String, Collection<String>> headers,
    String body,
    Optional<ErrorBody> errorBody) {

  /** The most characters of a body quoted when it says nothing readable. */
  static final int MAX_SAID = 200;

  /**
   * The server's message, or an excerpt of the body of at most {@value #MAX_SAID} characters, or
   * {@code (no body)}: one clean line (see {@link ServerText#bounded}).
   *
   * @return text for an exception message
   */
  public String said() {
    if (errorBody.isPresent()) {
      return errorBody.get().message();
    }
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    return ServerText.bounded(body.strip(), MAX_SAID);
  }
}
