package dev.browsersessions.local.internal;

import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the Chromium command line for a session request. */
public final class ChromiumCommand {

  /** Flags every session gets: no sandbox (root in containers), no outbound background traffic. */
  public static final List<String> BASE_FLAGS =
      List.of(
          "--remote-debugging-port=0",
          "--remote-debugging-address=127.0.0.1",
          "--no-sandbox",
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
   * @return the command and its arguments
   * @throws InvalidSessionRequestException for option values the local browser cannot honour
   */
  public static List<String> build(
      Path binary, Path profileDir, SessionRequest request, String display) {
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
    cmd.add("--user-data-dir=" + profileDir);
    request.viewport().ifPresent(v -> cmd.add("--window-size=" + v.width() + "," + v.height()));
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
    if (external.username().isPresent() || external.password().isPresent()) {
      throw new InvalidSessionRequestException(
          "proxy.username",
          "the local provider cannot pass proxy credentials to Chromium; use a proxy without"
              + " authentication, or one on localhost that adds it");
    }
    if (external.server().contains(" ") || external.server().contains(",")) {
      throw new InvalidSessionRequestException(
          "proxy.server", "proxy.server must be one address such as http://host:3128");
    }
    return external.server();
  }
}
