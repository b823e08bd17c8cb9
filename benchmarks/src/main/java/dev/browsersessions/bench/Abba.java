package dev.browsersessions.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ABBA alternation: in each round the two sides run as A B B A (odd rounds B A A B), so a drift
 * of the machine (other load, JIT, GC, thermal) falls on both sides alike; the figures of a round
 * are the mean of its two legs per side, and the suite reports the median over rounds with the
 * spread (lowest and highest round).
 */
public final class Abba {

  /** One leg: runs a side once and returns its figures. */
  @FunctionalInterface
  public interface Leg {
    /**
     * Runs the side.
     *
     * @return its figures, same length and order on both sides
     * @throws Exception if the run fails
     */
    double[] run() throws Exception;
  }

  /**
   * The figures of both sides, round by round.
   *
   * @param a per round, side A's figures (mean of its two legs)
   * @param b per round, side B's figures
   */
  public record Rounds(List<double[]> a, List<double[]> b) {

    /**
     * A figure's median over rounds, per side.
     *
     * @param index which figure
     * @param sideA side A, else side B
     * @return the median
     */
    public double median(int index, boolean sideA) {
      return Abba.median((sideA ? a : b).stream().mapToDouble(f -> f[index]).toArray());
    }

    /**
     * A figure summed over every leg of a side (e.g. failures).
     *
     * @param index which figure
     * @param sideA side A, else side B
     * @return the sum over both legs of every round
     */
    public double total(int index, boolean sideA) {
      return 2 * (sideA ? a : b).stream().mapToDouble(f -> f[index]).sum();
    }

    /**
     * The A/B ratio of one figure: median over rounds of the round's ratio, with its spread.
     *
     * @param index which figure
     * @return the ratio
     */
    public Ratio ratio(int index) {
      double[] r = new double[a.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = a.get(i)[index] / b.get(i)[index];
      }
      Arrays.sort(r);
      return new Ratio(Abba.median(r), r[0], r[r.length - 1]);
    }
  }

  /**
   * A ratio over rounds.
   *
   * @param median the median round's ratio
   * @param min the lowest round's
   * @param max the highest round's
   */
  public record Ratio(double median, double min, double max) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", median, min, max);
    }
  }

  private Abba() {
  }

  /**
   * Runs {@code rounds} ABBA rounds.
   *
   * @param rounds how many rounds
   * @param a side A (the library)
   * @param b side B (the bare client)
   * @return the figures per round
   * @throws Exception if a leg fails
   */
  public static Rounds run(int rounds, Leg a, Leg b) throws Exception {
    List<double[]> as = new ArrayList<>();
    List<double[]> bs = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double[] a1;
      double[] b1;
      double[] b2;
      double[] a2;
      if (r % 2 == 0) {
        a1 = a.run();
        b1 = b.run();
        b2 = b.run();
        a2 = a.run();
      } else {
        b1 = b.run();
        a1 = a.run();
        a2 = a.run();
        b2 = b.run();
      }
      as.add(mean(a1, a2));
      bs.add(mean(b1, b2));
    }
    return new Rounds(as, bs);
  }

  private static double[] mean(double[] x, double[] y) {
    double[] m = new double[x.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (x[i] + y[i]) / 2;
    }
    return m;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
