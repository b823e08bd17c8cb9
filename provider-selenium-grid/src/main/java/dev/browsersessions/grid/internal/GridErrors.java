package dev.browsersessions.grid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.http.HttpErrorMapper;
import dev.browsersessions.http.HttpFailure;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.http.VendorHttp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grid's adjustments to the shared error mapping. The Grid answers errors as {@code {"value":
 * {"error": ..., "message": ..., "stacktrace": ...}}}; only the first line of the message is kept
 * (the rest is the Grid's build and system info). Then:
 *
 * <ul>
 *   <li>500 "New session request timed out" (every slot stayed busy for the Grid's {@code
 *       --session-request-timeout}) → {@link RateLimitedException}: the Grid is full, try later;
 *   <li>500 "No nodes support the capabilities" → {@link InvalidSessionRequestException}: no node
 *       can ever run the request, retrying does not help;
 *   <li>404 "... Session was removed at T ..., reason: R" → {@link Removed}: the Grid remembers
 *       ending the session; any other 404 stays a {@link BrowserSessionException} with status 404
 *       ({@link #notFound}), which the provider turns into an ended session or {@link
 *       dev.browsersessions.SessionNotFoundException}.
 * </ul>
 *
 * <p>A 5xx keeps the shared mapping's {@linkplain BrowserSessionException#isOutcomeUnknown()
 * outcome-unknown} marker, so a failed create is reconciled as for every REST provider, except
 * the Grid's "Could not start a new session" (its {@code SessionNotCreatedException}): no session
 * was started.
 */
final class GridErrors implements HttpErrorMapper.Quirk {

  /** How the Grid's answer to a create it could not fulfil begins. */
  private static final String NOT_CREATED = "Could not start a new session";

  private static final Pattern REMOVED =
      Pattern.compile("Session was removed at (\\S+) \\([^)]*\\), reason: (.+?)(?:, node: \\S+)?$");

  private static final class Json {
    static final ObjectMapper MAPPER = VendorHttp.newMapper();
  }

  private final String provider;

  GridErrors(String provider) {
    this.provider = provider;
  }

  @Override
  public BrowserSessionException adjust(HttpFailure f, BrowserSessionException mapped) {
    Optional<String> said = firstLine(f.body());
    if (said.isEmpty()) {
      return mapped;
    }
    String text = said.get();
    String message = "Selenium Grid answered HTTP " + f.status() + " to " + f.method() + " "
        + f.path() + ": " + text;
    int status = f.status();
    if (status == 404) {
      Matcher m = REMOVED.matcher(text);
      if (m.find()) {
        return new Removed(message, provider, instant(m.group(1)), m.group(2).strip());
      }
      return BrowserSessionException.builder(message).provider(provider).httpStatus(404).build();
    }
    if (text.contains("New session request timed out")) {
      return new RateLimitedException(message + " — every slot stayed busy for the Grid's"
          + " --session-request-timeout; retry later or add nodes", provider, status, null);
    }
    if (text.contains("No nodes support the capabilities")) {
      return new InvalidSessionRequestException(null, message + " — no node of this Grid can run"
          + " the request (check the browser and the nodes' stereotypes)", provider, status,
          List.of());
    }
    if (mapped instanceof RateLimitedException r) {
      return new RateLimitedException(message, provider, status, r.retryAfter().orElse(null));
    }
    if (mapped instanceof ProviderUnavailableException) {
      // The Grid's SessionNotCreatedException (e.g. the node's browser exited at start): it
      // started no session, so a failed create has nothing to look for.
      boolean notCreated = text.startsWith(NOT_CREATED);
      ProviderUnavailableException e = ProviderUnavailableException.answered(notCreated
          ? message + " — the Grid started no session; its node's log says why" : message,
          provider, status);
      return mapped.isOutcomeUnknown() && !notCreated ? e.markOutcomeUnknown() : e;
    }
    if (mapped instanceof AuthenticationException) {
      return new AuthenticationException(message + " — check 'username' and 'password'",
          provider, status);
    }
    if (mapped instanceof InvalidSessionRequestException) {
      return new InvalidSessionRequestException(null, message, provider, status, List.of());
    }
    return mapped;
  }

  /**
   * Whether a failure is the Grid's 404: the session is not (or no longer) running there.
   *
   * @param e a failure of a call on a session
   * @return {@code true} for HTTP 404, {@link Removed} included
   */
  static boolean notFound(BrowserSessionException e) {
    return e.httpStatus().orElse(0) == 404;
  }

  /**
   * Whether a 5xx answer to a command on a session says that the session's node or browser is
   * gone (the router could not reach the node, or the driver lost the browser), rather than an
   * error of a live browser (e.g. an open alert).
   *
   * @param message the exception's message
   * @return {@code true} when the session cannot be used any more
   */
  static boolean sessionUnreachable(String message) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("unable to execute request for an existing session")
        || m.contains("connection refused") || m.contains("chrome not reachable")
        || m.contains("session deleted") || m.contains("disconnected");
  }

  /** The first line of {@code value.message}, bounded; empty when the body is not the Grid's. */
  static Optional<String> firstLine(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
    JsonNode message = node == null ? null : node.path("value").path("message");
    if (message == null || !message.isTextual() || message.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(ServerData.text(message.asText().strip().lines().findFirst().orElse("")));
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The Grid remembers removing a session: when and why. Internal; never reaches users. */
  static final class Removed extends BrowserSessionException {
    private static final long serialVersionUID = 1L;

    private final transient Instant at;
    private final String reason;

    Removed(String message, String provider, Instant at, String reason) {
      super(message, provider, 404, false, null);
      this.at = at;
      this.reason = reason;
    }

    /** When the Grid removed it, if it said so readably. */
    Optional<Instant> at() {
      return Optional.ofNullable(at);
    }

    /** The Grid's reason, e.g. "session closed normally (QUIT command)". */
    String reason() {
      return reason;
    }
  }
}
