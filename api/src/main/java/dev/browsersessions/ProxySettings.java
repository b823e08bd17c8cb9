package dev.browsersessions;

import dev.browsersessions.internal.UserInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session's traffic is proxied: through a proxy the vendor runs ({@link Managed}) or through
 * one the caller runs ({@link External}).
 */
public sealed interface ProxySettings permits ProxySettings.Managed, ProxySettings.External {

  /**
   * A vendor-managed proxy anywhere.
   *
   * @return the settings
   */
  static ProxySettings managed() {
    return new Managed(Optional.empty());
  }

  /**
   * A vendor-managed proxy in a country.
   *
   * @param countryCode an ISO 3166-1 alpha-2 code such as {@code "us"}
   * @return the settings
   */
  static ProxySettings managed(String countryCode) {
    return new Managed(Optional.of(countryCode));
  }

  /**
   * An external proxy without credentials.
   *
   * @param server e.g. {@code "http://proxy.example:3128"}
   * @return the settings
   */
  static ProxySettings external(String server) {
    return new External(server, Optional.empty(), Optional.empty());
  }

  /**
   * An external proxy with credentials.
   *
   * @param server e.g. {@code "http://proxy.example:3128"}
   * @param username the user name
   * @param password the password; never shown by {@code toString()}
   * @return the settings
   */
  static ProxySettings external(String server, String username, String password) {
    return new External(server, Optional.of(username), Optional.of(password));
  }

  /**
   * A proxy the vendor runs (requires {@link Capability#MANAGED_PROXY}).
   *
   * @param country an ISO 3166-1 alpha-2 country code, lower or upper case
   */
  record Managed(Optional<String> country) implements ProxySettings {
    /**
     * Validates the country code.
     *
     * @param country an ISO 3166-1 alpha-2 country code, if any
     */
    public Managed {
      Objects.requireNonNull(country, "country");
      country.ifPresent(
          c -> {
            if (!c.matches("[A-Za-z]{2}")) {
              throw new InvalidSessionRequestException(
                  "proxy.country",
                  "proxy.country must be a two-letter ISO 3166-1 code such as \"us\", got \""
                      + c + "\"");
            }
          });
    }
  }

  /**
   * A proxy the caller runs (requires {@link Capability#PROXY}).
   *
   * @param server the proxy's address, e.g. {@code "http://proxy.example:3128"}
   * @param username the user name, if the proxy needs one
   * @param password the password, if the proxy needs one; masked in {@code toString()}
   */
  record External(String server, Optional<String> username, Optional<String> password)
      implements ProxySettings {
    /**
     * Validates the server address.
     *
     * @param server the proxy's address
     * @param username the user name, if any
     * @param password the password, if any
     */
    public External {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (server == null || server.isBlank()) {
        throw new InvalidSessionRequestException(
            "proxy.server", "proxy.server must be a proxy address such as http://host:3128");
      }
      if (UserInfo.present(server)) {
        throw new InvalidSessionRequestException("proxy.server", "proxy.server must not carry"
            + " credentials (user:password@): pass them as"
            + " ProxySettings.external(server, username, password), which keeps them out of"
            + " toString(), logs and command lines");
      }
    }

    @Override
    public String toString() {
      return "External[server=" + server + ", username=" + username.orElse("")
          + ", password=" + (password.isPresent() ? "****" : "") + "]";
    }
  }
}
