package org.justicemonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.justicemonitor.disclosure.LinkedCells.Cell;
import org.justicemonitor.disclosure.LinkedCells.State;

/**
 * τ-ARGUS's LP audit and the protection it drives, on cells worked out by hand; and the
 * complements chosen against the fewest possible, found by trying every set. k = 10.
 */
class LinearAuditTest {

  private static final int K = 10;

  private static int cell(LinkedCells cells, String key, long value) {
    return cells.add(new Cell("t", key, "n"), value, value < K ? State.PRIMARY : State.PUBLISHED);
  }

  /**
   * x + y = 12 and x − y = d − e = 2 (two published differences, as a stock's change is incoming
   * minus resolved): neither identity alone pins x or y, and propagation stops at x in [5, 9], y
   * in [3, 7]; the LP adds them up: x = 7, y = 5.
   */
  private static LinkedCells sumAndDifference() {
    LinkedCells cells = new LinkedCells();
    int x = cell(cells, "x", 7);
    int y = cell(cells, "y", 5);
    int a = cell(cells, "a", 12);
    int d = cell(cells, "d", 40);
    int e = cell(cells, "e", 38);
    cells.sum(a, List.of(x, y));
    cells.identity(List.of(x, y, d, e), List.of(1, -1, -1, 1));
    return cells;
  }

  @Test
  void theLpPinsWhatTwoSubtractionsCannotReach() {
    LinkedCells cells = sumAndDifference();
    assertEquals(List.of(), cells.recovered(K));
    long[][] propagated = cells.attack(K);
    assertEquals(5, propagated[0][0]);
    assertEquals(9, propagated[1][0]);
    LinearAudit.Result lp = LinearAudit.audit(cells, K, 2);
    assertEquals(List.of(0, 1), lp.unprotected());
    assertEquals(7.0, lp.intervals().get(0).lo(), 1e-9);
    assertEquals(7.0, lp.intervals().get(0).hi(), 1e-9);
    assertEquals(5.0, lp.intervals().get(1).lo(), 1e-9);
    assertEquals(5.0, lp.intervals().get(1).hi(), 1e-9);
  }

  /**
   * x + y + z + w = 16 and x − y − z = d − e = −12: propagation leaves x in [0, 6], and the LP
   * adds them up: 2x + w = 4, so x in [0, 2] (w in [0, 4]). True x is 0: every solution that only
   * pushes sums up or down may show it at 0, yet it is narrow, not "known to be empty". Take the
   * slack away (w published) and x is pinned at 0: not narrow, it tells nothing of anyone.
   */
  @Test
  void aCellSeenOnlyAtZeroIsSolvedNotAssumedEmpty() {
    for (boolean slack : new boolean[] {true, false}) {
      LinkedCells cells = new LinkedCells();
      int x = cell(cells, "x", 0);
      int y = cell(cells, "y", 5);
      int z = cell(cells, "z", 7);
      int w = slack ? cell(cells, "w", 4) : cells.add(new Cell("t", "w", "n"), 4, State.PUBLISHED);
      int a = cell(cells, "a", 16);
      int d = cell(cells, "d", 40);
      int e = cell(cells, "e", 52);
      cells.sum(a, List.of(x, y, z, w));
      cells.identity(List.of(x, y, z, d, e), List.of(1, -1, -1, -1, 1));
      long[][] propagated = cells.attack(K);
      assertEquals(0, propagated[0][x]);
      assertEquals(6, propagated[1][x], "propagation alone");
      LinearAudit.Result lp = LinearAudit.audit(cells, K, 5);
      LinearAudit.Interval ofX = lp.intervals().stream().filter(i -> i.cell() == x).findFirst().orElseThrow();
      assertEquals(0.0, ofX.lo(), 1e-9);
      assertEquals(slack ? 2.0 : 0.0, ofX.hi(), 1e-9);
      assertEquals(slack ? List.of(x) : List.of(), lp.unprotected());
    }
  }

  @Test
  void protectionWidensEveryPrimaryIntervalToTheWidth() {
    LinkedCells cells = sumAndDifference();
    ComplementarySuppression.Result r = ComplementarySuppression.protect(cells, K, 5);
    assertEquals(List.of(), r.unprotected());
    LinearAudit.Result lp = LinearAudit.audit(cells, K, 5);
    assertEquals(List.of(), lp.unprotected());
    for (LinearAudit.Interval i : lp.intervals()) {
      assertTrue(i.hi() - i.lo() + 1 >= 5, cells.cell(i.cell()) + ": " + i);
    }
  }

  @Test
  void aPrimaryCellBesideAComplementJustOverKIsNarrowedByItsLowerBound() {
    // 13 = x 3 + y 10: y is a complement, so at least 10, and x at most 3: x in [0, 3], narrower than 5.
    LinkedCells cells = new LinkedCells();
    int x = cell(cells, "x", 3);
    int y = cell(cells, "y", 10);
    int total = cell(cells, "total", 13);
    cells.sum(total, List.of(x, y));
    cells.suppressAsComplement(y);
    assertEquals(List.of(x), LinearAudit.audit(cells, K, 5).unprotected());
    assertEquals(List.of(), LinearAudit.audit(cells, K, 3).unprotected());
    // A cell an earlier round found protected is not solved again: no LP, no interval.
    LinearAudit.Result again = LinearAudit.audit(cells, K, 3, java.util.Set.of(x));
    assertEquals(List.of(), again.intervals());
    assertEquals(0, again.linearPrograms());
  }

  /**
   * A 2 × 3 table with its margins and grand total, one cell under k: the greedy complements and
   * cleanup against every set of at most four published cells, the least that protects it.
   */
  @Test
  void theComplementsChosenAreAsFewAsAnySetThatProtects() {
    long[][] interior = {{4, 25, 31}, {18, 22, 40}};
    int width = 5;
    LinkedCells chosen = table(interior);
    List<Cell> complements = ComplementarySuppression.protect(chosen, K, width).complements();
    int greedy = complements.size();

    LinkedCells cells = table(interior);
    List<Integer> published = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (cells.state(i) == State.PUBLISHED) {
        published.add(i);
      }
    }
    int fewest = -1;
    for (int size = 1; size <= 4 && fewest < 0; size++) {
      if (anyProtects(cells, published, size, 0, new ArrayList<>(), width)) {
        fewest = size;
      }
    }
    assertEquals(3, fewest, "a rectangle: the cell's row, column and the opposite corner");
    assertEquals(fewest, greedy, complements.toString());
  }

  private static boolean anyProtects(LinkedCells cells, List<Integer> published, int size, int from, List<Integer> set,
      int width) {
    if (set.size() == size) {
      set.forEach(cells::suppressAsComplement);
      boolean ok = cells.exposed(K, width).isEmpty() && LinearAudit.audit(cells, K, width).unprotected().isEmpty();
      set.forEach(cells::publish);
      return ok;
    }
    for (int i = from; i < published.size(); i++) {
      set.add(published.get(i));
      if (anyProtects(cells, published, size, i + 1, set, width)) {
        return true;
      }
      set.remove(set.size() - 1);
    }
    return false;
  }

  private static LinkedCells table(long[][] interior) {
    LinkedCells cells = new LinkedCells();
    int rows = interior.length;
    int columns = interior[0].length;
    int[][] c = new int[rows][columns];
    long grand = 0;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < columns; j++) {
        c[r][j] = cell(cells, "r" + r + "c" + j, interior[r][j]);
        grand += interior[r][j];
      }
    }
    List<Integer> rowTotals = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      long sum = 0;
      List<Integer> parts = new ArrayList<>();
      for (int j = 0; j < columns; j++) {
        sum += interior[r][j];
        parts.add(c[r][j]);
      }
      int total = cell(cells, "r" + r, sum);
      cells.sum(total, parts);
      rowTotals.add(total);
    }
    List<Integer> columnTotals = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      long sum = 0;
      List<Integer> parts = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        sum += interior[r][j];
        parts.add(c[r][j]);
      }
      int total = cell(cells, "c" + j, sum);
      cells.sum(total, parts);
      columnTotals.add(total);
    }
    int all = cell(cells, "all", grand);
    cells.sum(all, rowTotals);
    cells.sum(all, columnTotals);
    return cells;
  }
}
