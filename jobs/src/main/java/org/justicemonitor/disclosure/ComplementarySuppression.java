package org.justicemonitor.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.justicemonitor.disclosure.LinkedCells.Cell;
import org.justicemonitor.disclosure.LinkedCells.State;

/**
 * Secondary (complementary) suppression over linked tables: after the primary suppression of
 * every cell under k, more cells are suppressed until no suppressed cell can be recovered from
 * what is published, by the attack of {@link LinkedCells#attack}.
 *
 * <p>A greedy heuristic in the spirit of sdcTable's SIMPLEHEURISTIC: for each recovered cell, one
 * more cell of its identities is suppressed, the one that exposes the fewest new cells (identities
 * where it would stand alone, so the suppression does not cascade through the linked tables),
 * then the one of least value (the least information lost); ties by table, key and column, so
 * reruns protect the same cells. Repeated until the attack recovers nothing.
 */
final class ComplementarySuppression {

  /** What was done: the complements chosen, and the cells still recoverable (none on success). */
  record Result(List<Cell> complements, List<Cell> unprotected, int rounds) {}

  private static final int MAX_ROUNDS = 500;

  private ComplementarySuppression() {}

  static Result protect(LinkedCells cells, int k) {
    List<Cell> complements = new ArrayList<>();
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      List<Integer> recovered = cells.recovered(k);
      if (recovered.isEmpty()) {
        return new Result(sorted(complements), List.of(), round - 1);
      }
      TreeSet<Integer> chosen = new TreeSet<>(Comparator.comparing(cells::cell));
      List<Cell> stuck = new ArrayList<>();
      for (int cell : recovered) {
        int complement = complementFor(cells, cell, chosen);
        if (complement < 0) {
          stuck.add(cells.cell(cell));
        } else {
          chosen.add(complement);
        }
      }
      if (chosen.isEmpty()) {
        return new Result(sorted(complements), sorted(stuck), round);
      }
      for (int c : chosen) {
        cells.suppressAsComplement(c);
        complements.add(cells.cell(c));
      }
    }
    return new Result(sorted(complements), recoveredCells(cells, k), MAX_ROUNDS);
  }

  /**
   * The published cell to suppress so that {@code cell} is no longer pinned: among the published
   * cells of its identities, the one whose suppression exposes the fewest new cells (identities in
   * which it would be the only suppressed cell), then the one of least value; -1 when its
   * identities have none. A cell already chosen this round counts as suppressed.
   */
  private static int complementFor(LinkedCells cells, int cell, TreeSet<Integer> chosen) {
    int best = -1;
    int bestExposures = Integer.MAX_VALUE;
    for (int e : cells.equationsOf(cell)) {
      for (int t : cells.equation(e)) {
        if (t == cell || cells.state(t) != State.PUBLISHED || chosen.contains(t)) {
          continue;
        }
        int exposures = exposures(cells, t, chosen);
        if (exposures < bestExposures || (exposures == bestExposures && less(cells, t, best))) {
          best = t;
          bestExposures = exposures;
        }
      }
    }
    return best;
  }

  /** Identities of a published cell that hold no suppressed cell yet: each would expose it alone. */
  private static int exposures(LinkedCells cells, int candidate, TreeSet<Integer> chosen) {
    int n = 0;
    for (int e : cells.equationsOf(candidate)) {
      boolean anySuppressed = false;
      for (int t : cells.equation(e)) {
        if (t != candidate && (cells.suppressed(t) || chosen.contains(t))) {
          anySuppressed = true;
          break;
        }
      }
      n += anySuppressed ? 0 : 1;
    }
    return n;
  }

  private static boolean less(LinkedCells cells, int a, int b) {
    if (b < 0) {
      return true;
    }
    return cells.value(a) != cells.value(b) ? cells.value(a) < cells.value(b)
        : cells.cell(a).compareTo(cells.cell(b)) < 0;
  }

  private static List<Cell> recoveredCells(LinkedCells cells, int k) {
    return cells.recovered(k).stream().map(cells::cell).toList();
  }

  private static List<Cell> sorted(List<Cell> list) {
    return list.stream().sorted().toList();
  }
}
