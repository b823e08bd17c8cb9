package dev.browsersessions.notte.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a start request's {@code proxies} list: {@code {type: notte, country}} for Notte's
 * proxies in a country, {@code {type: external, server, username, password}} for the caller's.
 * {@link #toString()} never shows the password.
 *
 * @param type {@code notte} or {@code external}
 * @param country lowercase ISO country code, for {@code notte}
 * @param server the proxy URL, for {@code external}
 * @param username the proxy user, if any
 * @param password the proxy password, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProxyRequest(
    String type, String country, String server, String username, String password) {

  /**
   * Notte's proxies in a country.
   *
   * @param country lowercase ISO code
   * @return the entry
   */
  public static ProxyRequest notte(String country) {
    return new ProxyRequest("notte", country, null, null, null);
  }

  /**
   * The caller's proxy.
   *
   * @param server its URL
   * @param username its user, or {@code null}
   * @param password its password, or {@code null}
   * @return the entry
   */
  public static ProxyRequest external(String server, String username, String password) {
    return new ProxyRequest("external", null, server, username, password);
  }

  @Override
  public String toString() {
    return "ProxyRequest[type=" + type + ", country=" + country + ", server=" + server
        + ", username=" + username + ", password=" + (password == null ? null : "***") + "]";
  }
}
