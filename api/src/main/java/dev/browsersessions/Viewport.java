package dev.browsersessions;

/**
 * A browser window's size in CSS pixels.
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
