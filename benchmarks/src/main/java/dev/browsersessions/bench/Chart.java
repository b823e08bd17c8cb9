package dev.browsersessions.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws lifecycles per second against concurrency, library versus bare client, as a PNG. */
public final class Chart {

  private static final int W = 800;
  private static final int H = 500;
  private static final int M = 70;

  private Chart() {
  }

  /**
   * Writes the chart.
   *
   * @param points throughput points for both clients
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
    g.drawString("Notte lifecycles/s (create+status+stop) vs concurrent callers, loopback", M, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(M, H - M, W - M, H - M);
    g.drawLine(M, M, M, H - M);
    for (int i = 0; i <= 5; i++) {
      int y = H - M - (H - 2 * M) * i / 5;
      g.setColor(new Color(230, 230, 230));
      g.drawLine(M + 1, y, W - M, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format("%.0f", max * i / 5), 10, y + 4);
    }
    for (int i = 0; i < callers.length; i++) {
      g.drawString(String.valueOf(callers[i]), x(i, callers.length) - 8, H - M + 20);
    }
    g.drawString("concurrent callers (platform threads)", W / 2 - 100, H - 20);
    series(g, points, callers, "library", new Color(0x1f77b4), max, 0);
    series(g, points, callers, "bare", new Color(0xd62728), max, 1);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static void series(Graphics2D g, List<Throughput.Point> points, int[] callers,
      String client, Color color, double max, int legend) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2.5f));
    int px = -1;
    int py = -1;
    for (int i = 0; i < callers.length; i++) {
      int n = callers[i];
      double v = points.stream().filter(p -> p.client().equals(client) && p.callers() == n)
          .mapToDouble(Throughput.Point::perSecond).findFirst().orElse(0);
      int x = x(i, callers.length);
      int y = (int) (H - M - (H - 2 * M) * v / max);
      g.fillOval(x - 4, y - 4, 8, 8);
      if (px >= 0) {
        g.drawLine(px, py, x, y);
      }
      px = x;
      py = y;
    }
    g.fillRect(W - M - 120, M + legend * 20, 14, 10);
    g.drawString(client.equals("bare") ? "bare HttpClient + Jackson" : "browser-sessions",
        W - M - 100, M + 10 + legend * 20);
  }

  private static int x(int i, int count) {
    return M + 40 + (W - 2 * M - 80) * i / Math.max(1, count - 1);
  }
}
