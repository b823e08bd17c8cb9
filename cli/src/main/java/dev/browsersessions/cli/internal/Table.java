package dev.browsersessions.cli.internal;

import dev.browsersessions.spi.ServerText;
import java.io.PrintStream;
import java.util.List;

/** Prints rows as left-aligned columns for people to read. */
final class Table {

  private static final String GAP = "  ";

  private Table() {}

  /**
   * Prints a header and rows; each column is as wide as its widest cell. Cells are cleaned of
   * terminal escape sequences first (they may have come from a server).
   *
   * @param headers the column titles
   * @param rows the cells, one list per row, as many cells as headers
   * @param out where to print
   */
  static void print(List<String> headers, List<List<String>> rawRows, PrintStream out) {
    List<List<String>> rows =
        rawRows.stream().map(r -> r.stream().map(ServerText::clean).toList()).toList();
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    printRow(headers, widths, out);
    for (List<String> row : rows) {
      printRow(row, widths, out);
    }
  }

  private static void printRow(List<String> cells, int[] widths, PrintStream out) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      line.append(cell);
      if (c < cells.size() - 1) {
        line.append(" ".repeat(widths[c] - cell.length())).append(GAP);
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
