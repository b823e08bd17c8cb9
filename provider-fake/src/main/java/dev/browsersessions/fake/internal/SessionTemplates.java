package dev.browsersessions.fake.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the unchanging part of a fake session's {@link SessionInfo} from its request: granted
 * timeouts, URLs, metadata, and attributes that echo every option requested.
 */
public final class SessionTemplates {

  /** The attribute every fake session carries, with value {@code true}. */
  public static final String FAKE_ATTRIBUTE = "fake";

  private SessionTemplates() {}

  /**
   * The template of a new session.
   *
   * @param id the session id
   * @param provider the provider's name
   * @param request what was asked for (already checked against the capabilities)
   * @param capabilities what the provider declares; decides whether URLs are exposed
   * @param defaults the provider's defaults for what the request leaves unset
   * @param urls the URL generators
   * @param createdAt when the session was created
   * @return the template, with status {@code PENDING} (the session decides the real status)
   */
  public static SessionInfo template(
      String id,
      String provider,
      SessionRequest request,
      Set<Capability> capabilities,
      Defaults defaults,
      Urls urls,
      Instant createdAt) {
    SessionInfo.Builder b =
        SessionInfo.builder(id, provider, SessionStatus.PENDING)
            .createdAt(createdAt)
            .idleTimeout(request.idleTimeout().orElse(defaults.idleTimeout()))
            .maxDuration(request.maxDuration().orElse(defaults.maxDuration()))
            .metadata(request.metadata())
            .attribute(FAKE_ATTRIBUTE, true);
    if (capabilities.contains(Capability.CDP_URL)) {
      b.cdpUrl(urls.cdp().apply(id));
    }
    if (capabilities.contains(Capability.LIVE_VIEW)) {
      b.liveViewUrl(urls.liveView().apply(id));
    }
    request.headless().ifPresent(v -> b.attribute("headless", v));
    request.viewport().ifPresent(v -> b.attribute("viewport", v.toString()));
    request.userAgent().ifPresent(v -> b.attribute("userAgent", v));
    request.region().ifPresent(v -> b.attribute("region", v));
    request.proxy().ifPresent(p -> echoProxy(b, p));
    if (request.solveCaptchas()) {
      b.attribute("solveCaptchas", true);
    }
    if (request.recordSession()) {
      b.attribute("recordSession", true);
    }
    if (request.keepAlive()) {
      b.attribute("keepAlive", true);
    }
    if (!request.providerOptions().isEmpty()) {
      // Only the keys: values may be vendor credentials.
      b.attribute(
          "providerOptionKeys", List.copyOf(new TreeSet<>(request.providerOptions().keySet())));
    }
    return b.build();
  }

  private static void echoProxy(SessionInfo.Builder b, ProxySettings proxy) {
    if (proxy instanceof ProxySettings.Managed m) {
      b.attribute("proxy", "managed");
      m.country().ifPresent(c -> b.attribute("proxyCountry", c));
    } else if (proxy instanceof ProxySettings.External e) {
      // Never the password.
      b.attribute("proxy", "external");
      b.attribute("proxyServer", e.server());
    }
  }

  /**
   * What the provider grants when a request leaves a timeout unset.
   *
   * @param idleTimeout the default idle timeout, or {@code null} for none
   * @param maxDuration the default maximum duration, or {@code null} for none
   */
  public record Defaults(Duration idleTimeout, Duration maxDuration) {}

  /**
   * How session URLs are made from ids.
   *
   * @param cdp makes the CDP URL
   * @param liveView makes the live-view URL
   */
  public record Urls(
      Function<String, URI> cdp,
      Function<String, URI> liveView) {}
}
