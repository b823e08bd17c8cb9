package dev.browsersessions.grid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.Viewport;
import dev.browsersessions.http.VendorCalls;
import java.util.List;
import java.util.Map;

/**
 * Gives a new session's page the requested viewport. Chrome's {@code --window-size} sets the
 * window's outer size, and a headless Chrome started by chromedriver keeps room for its (invisible)
 * toolbars, so the page gets less (1280x720 gave a 1280x577 page with Chromium 156). This reads
 * the page's inner and the window's outer size with one WebDriver script and, when they differ,
 * sets the window to the requested size plus the difference (W3C {@code window/rect}), then reads
 * again to check: three WebDriver commands at most, at create only. New tabs of the same window
 * get the same size.
 */
final class WindowFit {

  private static final Map<String, Object> MEASURE = Map.of(
      "script", "return [window.innerWidth, window.innerHeight, window.outerWidth,"
          + " window.outerHeight];",
      "args", List.of());

  private final GridApi api;
  private final VendorCalls calls;
  private final String provider;

  WindowFit(GridApi api, VendorCalls calls, String provider) {
    this.api = api;
    this.calls = calls;
    this.provider = provider;
  }

  /**
   * Sizes the session's window so that its page is {@code viewport}.
   *
   * @param sessionId the new session
   * @param viewport the requested page size
   * @throws dev.browsersessions.BrowserSessionException if the Grid failed or the page still has
   *     another size
   */
  void fit(String sessionId, Viewport viewport) {
    int[] size = measure(sessionId);
    if (size[0] == viewport.width() && size[1] == viewport.height()) {
      return;
    }
    int width = viewport.width() + Math.max(0, size[2] - size[0]);
    int height = viewport.height() + Math.max(0, size[3] - size[1]);
    calls.read(() -> api.setWindowRect(sessionId, Map.of("width", width, "height", height)));
    int[] after = measure(sessionId);
    if (after[0] != viewport.width() || after[1] != viewport.height()) {
      throw ProviderProtocolException.unusable("Selenium Grid's browser gave the page "
          + after[0] + "x" + after[1] + " instead of the requested viewport " + viewport.width()
          + "x" + viewport.height() + " (window set to " + width + "x" + height + "); the"
          + " node's screen may be too small: check its stereotype's --window-size or Xvfb"
          + " screen", provider, 200, null);
    }
  }

  /** innerWidth, innerHeight, outerWidth, outerHeight of the session's page. */
  private int[] measure(String sessionId) {
    JsonNode answer = calls.read(() -> api.executeScript(sessionId, MEASURE));
    JsonNode value = answer == null ? null : answer.path("value");
    if (value == null || !value.isArray() || value.size() != 4) {
      throw ProviderProtocolException.unusable("Selenium Grid's answer to the viewport check"
          + " is not four numbers", provider, 200, null);
    }
    int[] size = new int[4];
    for (int i = 0; i < 4; i++) {
      JsonNode n = value.get(i);
      if (!n.isNumber() || n.asInt() < 0 || n.asInt() > 100_000) {
        throw ProviderProtocolException.unusable("Selenium Grid's answer to the viewport check"
            + " is not four sizes", provider, 200, null);
      }
      size[i] = n.asInt();
    }
    return size;
  }
}
