package dev.browsersessions.spi;

import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.UnsupportedCapabilityException;
import java.util.Set;

/**
 * The checks every provider applies before talking to its vendor; {@link
 * dev.browsersessions.BrowserSessions} applies them too, so a provider called through it never sees
 * an invalid id or an unsupported option.
 */
public final class RequestChecks {

  /** The longest session id accepted. */
  public static final int MAX_ID_LENGTH = 256;

  private RequestChecks() {}

  /**
   * Checks that a session id is non-blank and cannot escape one URL path segment: at most {@value
   * #MAX_ID_LENGTH} characters from {@code A-Z a-z 0-9 . _ ~ : @ -}, and not {@code .} or {@code
   * ..}.
   *
   * @param sessionId the id
   * @return the id
   * @throws InvalidSessionRequestException naming the field {@code sessionId}
   */
  public static String requireValidId(String sessionId) {
    if (isValidId(sessionId)) {
      return sessionId;
    }
    if (sessionId == null || sessionId.isBlank()) {
      throw new InvalidSessionRequestException("sessionId", "sessionId must not be null or blank");
    }
    if (sessionId.length() > MAX_ID_LENGTH) {
      throw new InvalidSessionRequestException(
          "sessionId",
          "sessionId must be at most " + MAX_ID_LENGTH + " characters, got "
              + sessionId.length());
    }
    throw new InvalidSessionRequestException(
        "sessionId",
        "sessionId may contain only letters, digits and . _ ~ : @ - (got \""
            + printable(sessionId) + "\")");
  }

  /**
   * Whether {@link #requireValidId} accepts a session id, without building an exception for one
   * it refuses (for code that only filters, such as what is passed on to listeners).
   *
   * @param sessionId the id, perhaps {@code null}
   * @return {@code true} if it is a valid id
   */
  public static boolean isValidId(String sessionId) {
    return sessionId != null
        && !sessionId.isEmpty()
        && sessionId.length() <= MAX_ID_LENGTH
        && safeId(sessionId)
        && !sessionId.equals(".")
        && !sessionId.equals("..");
  }

  /**
   * Whether every character is one of {@code A-Z a-z 0-9 . _ ~ : @ -}: a loop, not a regular
   * expression, since it runs on every call and every id a vendor answers.
   */
  private static boolean safeId(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '~' || c == ':' || c == '@' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that every option a request sets is among a provider's capabilities; what counts as
   * setting an option is {@link Capability#isUsedBy(SessionRequest)}.
   *
   * @param request the request
   * @param capabilities what the provider declares
   * @param provider the provider's name, for the message
   * @throws InvalidSessionRequestException if the request is {@code null}
   * @throws UnsupportedCapabilityException naming the first unsupported option
   */
  public static void requireSupported(
      SessionRequest request, Set<Capability> capabilities, String provider) {
    if (request == null) {
      throw new InvalidSessionRequestException(
          "request", "request must not be null; use SessionRequest.defaults()");
    }
    for (Capability c : Capability.requestOptions()) {
      if (!capabilities.contains(c) && c.isUsedBy(request)) {
        throw new UnsupportedCapabilityException(c, provider);
      }
    }
  }

  /**
   * The refused id as it may be shown: at most 64 characters, each that {@link
   * ServerText#needsEscape} names (C0, DEL, C1, the characters that reorder text, the Unicode
   * line and paragraph separators) escaped (a backslash, {@code u} and four hex digits).
   */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    int shown = Math.min(s.length(), 64);
    for (int i = 0; i < shown; i++) {
      char c = s.charAt(i);
      b.append(ServerText.needsEscape(c)
          ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return s.length() > shown ? b + "…" : b.toString();
  }
}
