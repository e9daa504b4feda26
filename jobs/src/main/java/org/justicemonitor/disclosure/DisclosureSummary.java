package org.justicemonitor.disclosure;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary/disclosure.json}: what disclosure control did to the linked tables: per table,
 * its count cells, how many were suppressed as primary (resting on fewer than k cases) and as
 * complementary (so that no primary one can be worked out), and what the differencing attack
 * recovered afterwards (nothing, or the run fails).
 */
public record DisclosureSummary(int k, int identities, int rounds, Map<String, Table> tables, long recovered) {

  /** One table's count cells. */
  public record Table(long cells, long primary, long complementary) {}

  static DisclosureSummary of(int k, LinkedCells cells, ComplementarySuppression.Result result) {
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
    counts.forEach((t, c) -> tables.put(t, new Table(c[0], c[1], c[2])));
    return new DisclosureSummary(k, cells.identities(), result.rounds(), tables, cells.recovered(k).size());
  }
}
