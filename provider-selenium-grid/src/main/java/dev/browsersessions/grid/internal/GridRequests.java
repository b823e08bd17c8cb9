package dev.browsersessions.grid.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.grid.internal.wire.NewSessionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link SessionRequest} to W3C capabilities for {@code POST /session}: the browser name,
 * Chrome's arguments in {@code goog:chromeOptions} (headless, window size, user agent, proxy),
 * {@code se:name} for the Grid's UI, and {@link SessionOptions} for the tags and timeouts.
 */
final class GridRequests {

  /** Metadata key whose value becomes the Grid's {@code se:name}. */
  static final String NAME_TAG = "name";

  private GridRequests() {}

  static NewSessionRequest body(
      SessionRequest request, String browser, SessionOptions options, String provider) {
    List<String> args = new ArrayList<>();
    if (request.headless().orElse(true)) {
      args.add("--headless=new");
    }
    request.viewport().ifPresent(v -> args.add("--window-size=" + v.width() + "," + v.height()));
    request.userAgent().ifPresent(ua -> args.add("--user-agent=" + ua));
    request.proxy().ifPresent(p -> args.add("--proxy-server=" + proxyServer(p, provider)));
    Map<String, Object> caps = new LinkedHashMap<>();
    caps.put("browserName", browser);
    if (!args.isEmpty()) {
      caps.put("goog:chromeOptions", Map.of("args", List.copyOf(args)));
    }
    caps.put("se:name", request.metadata().getOrDefault(NAME_TAG, "browser-sessions"));
    caps.put(SessionOptions.CAPABILITY, options.toCapability());
    return NewSessionRequest.alwaysMatch(caps);
  }

  private static String proxyServer(ProxySettings proxy, String provider) {
    ProxySettings.External external = (ProxySettings.External) proxy; // MANAGED_PROXY is refused
    if (external.username().isPresent() || external.password().isPresent()) {
      throw new UnsupportedCapabilityException(Capability.PROXY, provider,
          "Provider '" + provider + "' cannot pass proxy credentials: Chrome takes the proxy as"
              + " --proxy-server, which has no place for them; use a proxy without"
              + " authentication (or one that authenticates by source address)");
    }
    String server = external.server().strip();
    if (server.contains(" ") || server.contains(",")) {
      throw new UnsupportedCapabilityException(Capability.PROXY, provider,
          "Provider '" + provider + "' needs one proxy address such as http://host:3128, got '"
              + server + "'");
    }
    return server;
  }
}
