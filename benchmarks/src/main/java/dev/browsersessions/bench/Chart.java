package dev.browsersessions.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/** Draws lifecycles per second against concurrency, library versus bare client, as a PNG. */
public final class Chart {

  private static final int W = 900;
  private static final int H = 640;
  private static final int M = 70;
  /** Bottom margin: axis labels and the legend. */
  private static final int B = 200;
  /** Bottom of the plot area. */
  private static final int Y0 = H - B;

  private Chart() {
  }

  /**
   * Writes the chart: one line per vendor, kind of thread and client.
   *
   * @param points throughput points
   * @param callers the concurrency levels, in order (drawn evenly spaced)
   * @param file the PNG to write
   * @throws IOException if the file cannot be written
   */
  public static void write(List<Throughput.Point> points, int[] callers, Path file)
      throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    double max = points.stream().mapToDouble(Throughput.Point::perSecond).max().orElse(1) * 1.1;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Lifecycles/s (create+status+stop) vs callers, canned server JVM, ABBA medians",
        M, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(M, Y0, W - M, Y0);
    g.drawLine(M, M, M, Y0);
    for (int i = 0; i <= 5; i++) {
      int y = Y0 - (Y0 - M) * i / 5;
      g.setColor(new Color(230, 230, 230));
      g.drawLine(M + 1, y, W - M, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format("%.0f", max * i / 5), 10, y + 4);
    }
    for (int i = 0; i < callers.length; i++) {
      g.drawString(String.valueOf(callers[i]), x(i, callers.length) - 8, Y0 + 20);
    }
    g.drawString("concurrent callers (solid: platform threads, dashed: virtual threads)",
        W / 2 - 200, Y0 + 42);
    Set<List<String>> series = new LinkedHashSet<>();
    points.forEach(p -> series.add(List.of(p.vendor(), p.threads(), p.client())));
    int legend = 0;
    for (List<String> s : series) {
      series(g, points, callers, s, max, legend++);
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static void series(Graphics2D g, List<Throughput.Point> points, int[] callers,
      List<String> key, double max, int legend) {
    boolean bare = key.get(2).equals("bare");
    boolean notte = key.get(0).equals("notte");
    g.setColor(notte ? (bare ? new Color(0xd62728) : new Color(0x1f77b4))
        : (bare ? new Color(0xff7f0e) : new Color(0x2ca02c)));
    boolean virtual = key.get(1).equals("virtual");
    g.setStroke(virtual ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10f, new float[] {8f, 6f}, 0f) : new BasicStroke(2.5f));
    int px = -1;
    int py = -1;
    for (int i = 0; i < callers.length; i++) {
      int n = callers[i];
      double v = points.stream().filter(p -> List.of(p.vendor(), p.threads(), p.client())
          .equals(key) && p.callers() == n).mapToDouble(Throughput.Point::perSecond)
          .findFirst().orElse(0);
      int x = x(i, callers.length);
      int y = (int) (Y0 - (Y0 - M) * v / max);
      g.fillOval(x - 4, y - 4, 8, 8);
      if (px >= 0) {
        g.drawLine(px, py, x, y);
      }
      px = x;
      py = y;
    }
    int lx = M + (legend % 2) * (W - 2 * M) / 2;
    int ly = Y0 + 65 + (legend / 2) * 18;
    g.drawLine(lx, ly + 5, lx + 24, ly + 5);
    g.drawString(key.get(0) + ", " + (bare ? "bare HttpClient + Jackson" : "browser-sessions")
        + ", " + key.get(1) + " threads", lx + 30, ly + 10);
  }

  private static int x(int i, int count) {
    return M + 40 + (W - 2 * M - 80) * i / Math.max(1, count - 1);
  }
}
