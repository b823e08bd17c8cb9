package dev.browsersessions.internal;

/**
 * The one place that finds the user-info ({@code user:password@}) of an address given as text,
 * for refusing it and for hiding it. Internal: not part of the API.
 *
 * <p>The authority starts after {@code scheme://}, after a leading {@code //}, or else at the
 * start of the value: a {@code scheme:} without {@code //} is not skipped, since {@code
 * alice:hunter2@proxy:3128} is as likely a user and password as a scheme (either reading finds
 * the same {@code @}, and hiding from the start hides both). The authority ends at the first
 * {@code /}, {@code ?} or {@code #}; it has user-info when it contains an {@code @}.
 */
public final class UserInfo {

  /** What hidden user-info is shown as. */
  public static final String MASK = "****";

  private UserInfo() {}

  /**
   * Whether the value carries user-info in its authority, e.g. {@code https://alice:pw@host},
   * {@code //alice:pw@host:3128} or {@code alice:pw@host:3128}; an {@code @} in the path, query
   * or fragment ({@code https://host/a@b}) is not user-info.
   *
   * @param value an address as text; not {@code null}
   * @return {@code true} if it has user-info
   */
  public static boolean present(String value) {
    int start = authorityStart(value);
    int end = authorityEnd(value, start);
    return value.lastIndexOf('@', end - 1) >= start;
  }

  /**
   * The value as it may be shown in a message or {@code toString()}: from the authority's start
   * to the last {@code @} of the whole value becomes {@value #MASK}, e.g. {@code
   * https://****@api.example}. Wider than {@link #present}: a password typed with an unencoded
   * {@code /}, {@code ?} or {@code #} ends the authority early, and must still not be shown. A
   * value without {@code @} is returned as it is.
   *
   * @param value any configuration value; not {@code null}
   * @return the value with what may be user-info hidden
   */
  public static String masked(String value) {
    int start = authorityStart(value);
    int at = value.lastIndexOf('@');
    if (at < start) {
      return value;
    }
    return value.substring(0, start) + MASK + value.substring(at);
  }

  /** Where the authority begins: after {@code scheme://}, after a leading {@code //}, else 0. */
  private static int authorityStart(String value) {
    int colon = schemeEnd(value);
    if (colon >= 0 && value.startsWith("//", colon + 1)) {
      return colon + 3;
    }
    return value.startsWith("//") ? 2 : 0;
  }

  /** The index of the colon ending an RFC 3986 scheme at the start of the value, or -1. */
  private static int schemeEnd(String value) {
    if (value.isEmpty() || !isAsciiLetter(value.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return -1;
  }

  private static int authorityEnd(String value, int start) {
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return value.length();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
