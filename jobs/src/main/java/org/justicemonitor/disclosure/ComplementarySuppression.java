package org.justicemonitor.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.justicemonitor.disclosure.LinkedCells.Cell;
import org.justicemonitor.disclosure.LinkedCells.State;

/**
 * Secondary (complementary) suppression over linked tables: after the primary suppression,
 * more cells are suppressed until every primary cell is protected at τ-ARGUS's standard: no
 * reader can narrow it to fewer possible counts than the protection width, by interval
 * propagation ({@link LinkedCells#attack}, fast, every round) nor by linear programming over
 * all identities at once ({@link LinearAudit}, when propagation finds nothing more); and no
 * complement can be pinned either.
 *
 * <p>A greedy heuristic in the spirit of sdcTable's SIMPLEHEURISTIC: for each exposed cell, one
 * more published cell of k or more cases is suppressed from the identity that pins it (the one
 * holding the fewest other suppressed cells); among those, the one that exposes the fewest new
 * cells (identities where it would stand alone, so the suppression does not cascade through the
 * linked tables), then the one of least value (the least information lost); ties by table, key
 * and column, so reruns protect the same cells. Repeated until propagation exposes nothing; then
 * every complement that is no longer needed is published again ({@link #cleanup}: a third of
 * them on data-samples), and the LP audit's exposures are protected the same way.
 */
final class ComplementarySuppression {

  /** What was done: the complements chosen, the cells still exposed (none on success), and the LPs solved. */
  record Result(List<Cell> complements, List<Cell> unprotected, int rounds, int linearPrograms) {}

  private static final int MAX_ROUNDS = 500;

  private ComplementarySuppression() {}

  static Result protect(LinkedCells cells, int k, int width) {
    List<Integer> complements = new ArrayList<>();
    int programs = 0;
    boolean cleaned = false;
    java.util.Set<Integer> protectedByLp = new java.util.HashSet<>();
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      List<Integer> exposed = cells.exposed(k, width);
      if (exposed.isEmpty() && !cleaned) {
        // Once, before the LP: a cleanup after the LP's own complements could take them back again.
        cleaned = true;
        cleanup(cells, k, width, complements);
      }
      if (exposed.isEmpty()) {
        LinearAudit.Result lp = LinearAudit.audit(cells, k, width, protectedByLp);
        programs += lp.linearPrograms();
        exposed = lp.unprotected();
        // Complements only ever added from here on: what the LP found protected stays protected.
        lp.intervals().stream().filter(x -> !LinkedCells.narrow(x.lo(), x.hi(), width)).forEach(x -> protectedByLp.add(x.cell()));
      }
      if (exposed.isEmpty()) {
        return new Result(sorted(cells, complements), List.of(), round - 1, programs);
      }
      TreeSet<Integer> chosen = new TreeSet<>(Comparator.comparing(cells::cell));
      List<Integer> stuck = new ArrayList<>();
      for (int cell : exposed) {
        int complement = complementFor(cells, k, cell, chosen);
        if (complement < 0) {
          complement = complementNear(cells, k, cell, chosen);
        }
        if (complement < 0) {
          stuck.add(cell);
        } else {
          chosen.add(complement);
        }
      }
      if (chosen.isEmpty()) {
        return new Result(sorted(cells, complements), sorted(cells, stuck), round, programs);
      }
      for (int c : chosen) {
        cells.suppressAsComplement(c);
        complements.add(c);
      }
    }
    return new Result(sorted(cells, complements), sorted(cells, cells.exposed(k, width)), MAX_ROUNDS, programs);
  }

  /**
   * Publishes again every complement that the others made unnecessary (greedy rounds add a
   * complement for one exposed cell at a time, and later ones often protect it too), the most
   * valuable first: τ-ARGUS's cleanup, checked by incremental propagation, so it costs
   * milliseconds. Publishing cells only tightens a reader's bounds, so one pass finds every
   * complement that can go in this order.
   */
  private static void cleanup(LinkedCells cells, int k, int width, List<Integer> complements) {
    long[][] bounds = cells.attack(k);
    List<Integer> order = new ArrayList<>(complements);
    order.sort(Comparator.<Integer>comparingLong(c -> -cells.value(c)).thenComparing(cells::cell));
    for (int c : order) {
      if (cells.republishIfSafe(c, bounds, k, width)) {
        complements.remove((Integer) c);
      }
    }
  }

  /**
   * When an exposed cell's own identities have no published cell left (an LP can narrow a cell
   * through its neighbours'), a complement from the identities of the suppressed cells it shares
   * an identity with.
   */
  private static int complementNear(LinkedCells cells, int k, int cell, TreeSet<Integer> chosen) {
    for (int e : cells.equationsOf(cell)) {
      for (int t : cells.equation(e)) {
        if (t != cell && cells.suppressed(t)) {
          int c = complementFor(cells, k, t, chosen);
          if (c >= 0) {
            return c;
          }
        }
      }
    }
    return -1;
  }

  /**
   * The published cell to suppress so that {@code cell} is no longer pinned: a published cell of
   * k or more cases (what a complement's status tells a reader must be true) from the identity
   * that holds the fewest other suppressed cells (the one that pins it); among those, the one
   * whose suppression exposes the fewest new cells (identities in which it would be the only
   * suppressed cell), then the one of least value; -1 when its identities have none. A cell
   * already chosen this round counts as suppressed.
   */
  private static int complementFor(LinkedCells cells, int k, int cell, TreeSet<Integer> chosen) {
    int best = -1;
    long[] bestScore = null;
    for (int e : cells.equationsOf(cell)) {
      int hidden = 0;
      for (int t : cells.equation(e)) {
        if (t != cell && (cells.suppressed(t) || chosen.contains(t))) {
          hidden++;
        }
      }
      for (int t : cells.equation(e)) {
        if (t == cell || cells.state(t) != State.PUBLISHED || chosen.contains(t) || cells.value(t) < k
            || !cells.hideable(t)) {
          continue;
        }
        long[] score = {hidden, exposures(cells, t, chosen), cells.value(t)};
        if (bestScore == null || java.util.Arrays.compare(score, bestScore) < 0
            || (java.util.Arrays.compare(score, bestScore) == 0 && cells.cell(t).compareTo(cells.cell(best)) < 0)) {
          best = t;
          bestScore = score;
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

  private static List<Cell> sorted(LinkedCells cells, List<Integer> list) {
    return list.stream().map(cells::cell).sorted().toList();
  }
}
