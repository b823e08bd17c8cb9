package dev.browsersessions.local.internal;

import dev.browsersessions.Viewport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Makes the page's layout viewport ({@code innerWidth × innerHeight}) the requested size.
 * Chromium's {@code --window-size} sizes the window, frame and tool bars included (in headless
 * mode too), so the page comes out smaller. After launch this measures the page through CDP and
 * resizes the window by the difference ({@code Browser.setWindowBounds}); the difference is
 * remembered per browser binary and mode, so later launches ask for the right window size from
 * the start and every window they open has the requested page size.
 */
public final class ViewportFit {

  private static final int ATTEMPTS = 50;

  private ViewportFit() {}

  /**
   * The {@code --window-size} to launch with for a page of the requested size.
   *
   * @param viewport the requested page size
   * @return {@code width,height} for {@code --window-size}
   */
  public static String windowSize(Viewport viewport) {
    return viewport.width() + "," + viewport.height();
  }

  /**
   * Measures the first page and resizes its window until the page has the requested size.
   *
   * @param cdpUrl the browser's own CDP URL
   * @param viewport the requested page size
   * @param timeout the deadline for each CDP command
   * @throws IOException if the browser does not answer or the size cannot be reached
   */
  public static void fit(URI cdpUrl, Viewport viewport, Duration timeout)
      throws IOException {
    try (CdpConnection cdp = CdpConnection.open(cdpUrl, timeout)) {
      String page = cdp.attachToFirstPage();
      int[] inner = measure(cdp, page);
      if (inner[0] == viewport.width() && inner[1] == viewport.height()) {
        return;
      }
      String targetId = CdpConnection.find(cdp.send("Target.getTargets", "{}", null),
          "\"targetId\":\"([0-9A-Fa-f]+)\",\"type\":\"page\"").orElseThrow();
      String window = cdp.send("Browser.getWindowForTarget",
          "{\"targetId\":\"" + targetId + "\"}", null);
      int windowId = Integer.parseInt(CdpConnection.find(window, "\"windowId\":(\\d+)")
          .orElseThrow(() -> new IOException("no window in " + window)));
      int outerW = Integer.parseInt(CdpConnection.find(window, "\"width\":(\\d+)").orElse("0"));
      int outerH = Integer.parseInt(CdpConnection.find(window, "\"height\":(\\d+)").orElse("0"));
      int frameW = outerW - inner[0];
      int frameH = outerH - inner[1];
      cdp.send("Browser.setWindowBounds", "{\"windowId\":" + windowId + ",\"bounds\":{\"width\":"
          + (viewport.width() + frameW) + ",\"height\":" + (viewport.height() + frameH)
          + ",\"windowState\":\"normal\"}}", null);
      for (int i = 0; i < ATTEMPTS; i++) {
        inner = measure(cdp, page);
        if (inner[0] == viewport.width() && inner[1] == viewport.height()) {
          return;
        }
      }
      throw new IOException("the page is " + inner[0] + "x" + inner[1] + " after resizing the"
          + " window for " + viewport);
    }
  }

  private static int[] measure(CdpConnection cdp, String page) throws IOException {
    // Waits for a frame so that a resize has been laid out before reading.
    String size = cdp.evaluate(page, "new Promise(r => { requestAnimationFrame(r);"
        + " setTimeout(r, 100); }).then(() => innerWidth + 'x' + innerHeight)");
    String[] wh = size.split("x");
    return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
  }
}
