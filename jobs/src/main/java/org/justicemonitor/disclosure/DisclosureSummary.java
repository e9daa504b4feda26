package org.justicemonitor.disclosure;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary/disclosure.json}: what disclosure control did to the linked tables: per table,
 * its count cells, how many were suppressed as primary (resting on fewer than k cases) and as
 * complementary (so that no primary one can be narrowed down), and the information lost: the
 * share of the cells of k or more cases that were suppressed. Then how protection was checked:
 * the protection width every primary cell's interval reaches, the linear programs solved, and the
 * cells still exposed afterwards (none, or the run fails).
 */
public record DisclosureSummary(int k, int protectionWidth, int identities, int rounds, int linearPrograms,
    Map<String, Table> tables, long recovered) {

  /**
   * One table's count cells.
   *
   * @param loss complementary / (cells − primary): the share of the publishable cells lost to protection
   */
  public record Table(long cells, long primary, long complementary, double loss) {}

  static DisclosureSummary of(int k, int width, LinkedCells cells, ComplementarySuppression.Result result) {
    Map<String, long[]> counts = new TreeMap<>();
    for (int i = 0; i < cells.size(); i++) {
      if (cells.state(i) == LinkedCells.State.FIXED) {
        continue;
      }
      long[] c = counts.computeIfAbsent(cells.cell(i).table(), t -> new long[3]);
      c[0]++;
      c[1] += cells.state(i) == LinkedCells.State.PRIMARY ? 1 : 0;
      c[2] += cells.state(i) == LinkedCells.State.COMPLEMENTARY ? 1 : 0;
    }
    Map<String, Table> tables = new TreeMap<>();
    counts.forEach((t, c) -> tables.put(t, new Table(c[0], c[1], c[2], loss(c[2], c[0] - c[1]))));
    return new DisclosureSummary(k, width, cells.identities(), result.rounds(), result.linearPrograms(), tables,
        cells.exposed(k, width).size() + result.unprotected().size());
  }

  /** The share lost, rounded to four decimals for the summary; 0 when there was nothing to lose. */
  private static double loss(long lost, long publishable) {
    return publishable == 0 ? 0 : Math.round(10_000.0 * lost / publishable) / 10_000.0;
  }
}
