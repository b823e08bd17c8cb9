package dev.browsersessions.selenium.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that turns a session's CDP URL into chromedriver's {@code debuggerAddress}.
 *
 * <p>chromedriver attaches to a running browser given its remote-debugging {@code host:port}; it
 * then speaks plain HTTP ({@code /json/version}) and WebSocket to that address. A local session's
 * CDP URL ({@code ws://127.0.0.1:PORT/devtools/browser/ID}) carries exactly that host and port, so
 * the address is the URL's authority. A {@code wss} URL (a vendor's TLS endpoint) or a URL without
 * an explicit port cannot be reached that way, so it has no debugger address.
 */
public final class DebuggerAddress {

  private DebuggerAddress() {}

  /**
   * The {@code host:port} chromedriver can attach to, if the CDP URL allows it.
   *
   * @param cdpUrl the session's CDP URL
   * @return {@code host:port}, or empty for TLS URLs and URLs without host or explicit port
   */
  public static Optional<String> of(URI cdpUrl) {
    String scheme = cdpUrl.getScheme() == null ? "" : cdpUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("http")) {
      return Optional.empty();
    }
    if (cdpUrl.getHost() == null || cdpUrl.getPort() < 1) {
      return Optional.empty();
    }
    return Optional.of(cdpUrl.getHost() + ":" + cdpUrl.getPort());
  }
}
