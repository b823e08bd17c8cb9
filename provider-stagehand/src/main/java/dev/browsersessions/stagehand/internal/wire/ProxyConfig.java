package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of {@code proxies}: {@code type} {@code browserbase} (managed, optionally in a
 * country) or {@code external} (the caller's server). {@link #toString()} hides the password.
 *
 * @param type {@code browserbase} or {@code external}
 * @param server the external proxy's address, or {@code null}
 * @param username the external proxy's user, or {@code null}
 * @param password the external proxy's password, or {@code null}
 * @param geolocation where a managed proxy exits, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProxyConfig(
    String type, String server, String username, String password, Geolocation geolocation) {

  /**
   * A managed proxy's exit location.
   *
   * @param country an upper-case ISO 3166-1 alpha-2 code
   */
  public record Geolocation(String country) {}

  @Override
  public String toString() {
    return "ProxyConfig[type=" + type + ", server=" + server + ", username=" + username
        + ", password=" + (password == null ? "null" : "****") + ", geolocation=" + geolocation
        + "]";
  }
}
