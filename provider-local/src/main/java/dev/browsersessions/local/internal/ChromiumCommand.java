package dev.browsersessions.local.internal;

import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the Chromium command line for a session request. */
public final class ChromiumCommand {

  /** The flag that names the profile directory; a recorded browser must carry it. */
  public static final String USER_DATA_DIR = "--user-data-dir=";

  /** Chromium's flag that turns its sandbox off (needed when running as root). */
  public static final String NO_SANDBOX = "--no-sandbox";

  /** Flags every session gets: DevTools on a loopback port, no outbound background traffic. */
  public static final List<String> BASE_FLAGS =
      List.of(
          "--remote-debugging-port=0",
          "--remote-debugging-address=127.0.0.1",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-quic",
          "--disable-dev-shm-usage");

  private ChromiumCommand() {}

  /**
   * The full command.
   *
   * @param binary the Chromium binary
   * @param profileDir a fresh, empty user-data directory
   * @param request what the caller asked for (options already checked against capabilities)
   * @param display the {@code DISPLAY} value, or {@code null} when there is none
   * @param noSandbox whether to add {@value #NO_SANDBOX}
   * @param windowSize the {@code --window-size} value for a requested viewport
   * @return the command and its arguments
   * @throws InvalidSessionRequestException for option values the local browser cannot honour
   */
  public static List<String> build(
      Path binary, Path profileDir, SessionRequest request, String display, boolean noSandbox,
      java.util.Optional<String> windowSize) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    boolean headless = request.headless().orElse(true);
    if (headless) {
      cmd.add("--headless=new");
    } else if (display == null || display.isBlank()) {
      throw new InvalidSessionRequestException(
          "headless",
          "headless=false needs a display, but DISPLAY is not set; run under X/Xvfb or use"
              + " headless=true");
    }
    cmd.addAll(BASE_FLAGS);
    if (noSandbox) {
      cmd.add(NO_SANDBOX);
    }
    cmd.add(USER_DATA_DIR + profileDir);
    windowSize.ifPresent(size -> cmd.add("--window-size=" + size));
    request.userAgent().ifPresent(ua -> cmd.add("--user-agent=" + ua));
    request.proxy().ifPresent(p -> cmd.add("--proxy-server=" + proxyServer(p)));
    cmd.add("about:blank");
    return cmd;
  }

  private static String proxyServer(ProxySettings proxy) {
    if (!(proxy instanceof ProxySettings.External external)) {
      throw new InvalidSessionRequestException(
          "proxy", "the local provider supports only external proxies");
    }
    // Chromium takes proxy credentials only on its command line or in the proxy URL, which
    // every local user can read (ps, /proc/<pid>/cmdline): refused, without echoing them.
    if (external.username().isPresent() || external.password().isPresent()) {
      throw new InvalidSessionRequestException(
          "proxy.username",
          "the local provider does not support proxy credentials: Chromium would carry them on"
              + " its command line, readable by every local user; use a proxy without"
              + " authentication, or one on localhost that adds it");
    }
    if (external.server().contains(" ") || external.server().contains(",")) {
      throw new InvalidSessionRequestException(
          "proxy.server", "proxy.server must be one address such as http://host:3128");
    }
    return external.server();
  }
}
