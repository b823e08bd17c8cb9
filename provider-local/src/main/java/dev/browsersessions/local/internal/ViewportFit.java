package dev.browsersessions.local.internal;

import dev.browsersessions.Viewport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

/**
 * Makes the page's layout viewport ({@code innerWidth × innerHeight}) the requested size.
 * Chromium's {@code --window-size} sizes the window, frame and tool bars included (in headless
 * mode too), so the page comes out smaller. After launch this measures the page through CDP and
 * resizes the window by what the page lacks ({@code Browser.setWindowBounds}), measuring afresh
 * after each resize. Launching with a window already enlarged does not work: headless Chromium
 * then derives its screen from that size and the page comes out smaller again. Windows opened
 * later get the launch size.
 */
public final class ViewportFit {

  private static final int ATTEMPTS = 20;
  private static final int ROUNDS = 4;

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
      String targetId = CdpConnection.find(cdp.send("Target.getTargets", "{}", null),
          "\"targetId\":\"([0-9A-Fa-f]+)\",\"type\":\"page\"").orElseThrow();
      int[] inner = measure(cdp, page);
      // Each round resizes the window by what the page still lacks, measured afresh, so that a
      // reading taken mid-layout is corrected by the next round instead of being trusted.
      for (int round = 0; round < ROUNDS; round++) {
        if (inner[0] == viewport.width() && inner[1] == viewport.height()) {
          return;
        }
        String window = cdp.send("Browser.getWindowForTarget",
            "{\"targetId\":\"" + targetId + "\"}", null);
        int windowId = number(window, "windowId");
        int outerW = number(window, "width");
        int outerH = number(window, "height");
        cdp.send("Browser.setWindowBounds", "{\"windowId\":" + windowId
            + ",\"bounds\":{\"width\":" + (outerW + viewport.width() - inner[0])
            + ",\"height\":" + (outerH + viewport.height() - inner[1])
            + ",\"windowState\":\"normal\"}}", null);
        int[] before = inner;
        for (int i = 0; i < ATTEMPTS && Arrays.equals(inner, before); i++) {
          inner = measure(cdp, page); // the resize is laid out asynchronously
        }
      }
      if (inner[0] != viewport.width() || inner[1] != viewport.height()) {
        throw new IOException("the page is " + inner[0] + "x" + inner[1] + " after resizing the"
            + " window for " + viewport);
      }
    }
  }

  private static int number(String json, String field) throws IOException {
    return Integer.parseInt(CdpConnection.find(json, "\"" + field + "\":(\\d+)")
        .orElseThrow(() -> new IOException("no " + field + " in " + json)));
  }

  private static int[] measure(CdpConnection cdp, String page) throws IOException {
    // Waits for a frame so that a resize has been laid out before reading.
    String size = cdp.evaluate(page, "new Promise(r => { requestAnimationFrame(r);"
        + " setTimeout(r, 100); }).then(() => innerWidth + 'x' + innerHeight)");
    String[] wh = size.split("x");
    return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
  }
}
