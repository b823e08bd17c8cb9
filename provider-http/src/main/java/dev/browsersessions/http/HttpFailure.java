package dev.browsersessions.http;

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

  /**
   * The server's message, or a bounded excerpt of the body, or {@code (no body)}.
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
    String flat = body.strip();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
  }
}
