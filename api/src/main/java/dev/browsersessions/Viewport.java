package dev.browsersessions;

/**
 * The size of the page's layout viewport in CSS pixels: what a page script sees as {@code
 * window.innerWidth} and {@code window.innerHeight} (scroll bars included), not the size of the
 * browser window around it. Every provider gives the session's page this size, the same meaning
 * as Notte's {@code viewport_width}/{@code viewport_height}; a provider that can only set the
 * window size must account for the browser's own frame and tool bars.
 *
 * @param width the width, positive
 * @param height the height, positive
 */
public record Viewport(int width, int height) {

  /**
   * Validates the size.
   *
   * @param width the width, positive
   * @param height the height, positive
   * @throws InvalidSessionRequestException if a side is not positive
   */
  public Viewport {
    if (width <= 0 || height <= 0) {
      throw new InvalidSessionRequestException(
          "viewport",
          "viewport must have a positive width and height, got " + width + "x" + height);
    }
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
