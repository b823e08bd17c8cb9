package dev.browsersessions.conformance.selftest;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.Viewport;
import dev.browsersessions.conformance.selftest.broken.ReadRewriting;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.function.UnaryOperator;

/**
 * The reference provider with a {@link FakeBrowser} behind its CDP URLs, so section 12 has a
 * browser to check in. The page shows what the request asked for, as a browser launched with
 * those options would, or what a distortion makes of it (the broken variants).
 */
public final class BrowserBacked extends ReadRewriting {

  /** The user agent of a page nobody asked a user agent for. */
  static final String DEFAULT_USER_AGENT = "Mozilla/5.0 FakeBrowser/1.0";

  private final UnaryOperator<FakeBrowser.Page> distortion;

  /**
   * Backs a provider with the fake browser.
   *
   * @param delegate the reference provider
   * @param distortion what the browser makes of the requested page (identity when honest)
   */
  BrowserBacked(BrowserSessionProvider delegate, UnaryOperator<FakeBrowser.Page> distortion) {
    super(delegate);
    this.distortion = distortion;
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    SessionInfo info = delegate.create(request);
    Viewport size = request.viewport().orElse(new Viewport(800, 600));
    FakeBrowser.register(info.id(), distortion.apply(new FakeBrowser.Page(
        request.userAgent().orElse(DEFAULT_USER_AGENT), size.width(), size.height())));
    return rewrite(Path.CREATE, info);
  }

  @Override
  protected SessionInfo rewrite(Path path, SessionInfo info) {
    return info.cdpUrl().isEmpty() ? info
        : info.toBuilder().cdpUrl(FakeBrowser.url(info.id())).build();
  }
}
