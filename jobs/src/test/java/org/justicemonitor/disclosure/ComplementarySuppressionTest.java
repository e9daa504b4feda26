package org.justicemonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.justicemonitor.disclosure.LinkedCells.Cell;
import org.justicemonitor.disclosure.LinkedCells.State;
import org.justicemonitor.measures.Period;

/**
 * Hand-made linked cells where primary suppression alone leaks, the attack that shows it, and
 * the complements that stop it. k = 10 throughout.
 */
class ComplementarySuppressionTest {

  private static final int K = 10;

  private static int cell(LinkedCells cells, String key, long value) {
    return cells.add(new Cell("t", key, "n"), value, value < K ? State.PRIMARY : State.PUBLISHED);
  }

  @Test
  void aRowWithOneSmallCellAndAPublishedTotalLeaksUntilASecondCellIsSuppressed() {
    // total 30 = a 4 + b 12 + c 14: a is suppressed, but 30 − 12 − 14 = 4.
    LinkedCells cells = new LinkedCells();
    int a = cell(cells, "a", 4);
    int b = cell(cells, "b", 12);
    int c = cell(cells, "c", 14);
    int total = cell(cells, "total", 30);
    cells.sum(total, List.of(a, b, c));
    assertEquals(List.of(a), cells.recovered(K));

    ComplementarySuppression.Result r = ComplementarySuppression.protect(cells, K, 2);
    // The part of least value goes with it, not the total: the least information lost.
    assertEquals(List.of(new Cell("t", "b", "n")), r.complements());
    assertEquals(List.of(), cells.recovered(K));
    long[][] bounds = cells.attack(K);
    assertEquals(0, bounds[0][a]); // a in [0, 9]: 30 − 14 − b with b >= 10 leaves at most 6
    assertEquals(6, bounds[1][a]);
    assertEquals(10, bounds[0][b]); // b in [10, 16]: published-size, and 30 − 14 − a
    assertEquals(16, bounds[1][b]);
  }

  @Test
  void thePendingIdentityLeaksThroughTheNextPeriodToo() {
    // Period 1: 25 filed, 22 decided, 3 pending (suppressed): 25 − 22 = 3.
    // Period 2: 20 filed, 11 decided, 12 pending: 12 − 20 + 11 = 3 again, once period 1 is protected.
    LinkedCells cells = new LinkedCells();
    int in1 = cell(cells, "in1", 25);
    int res1 = cell(cells, "res1", 22);
    int p1 = cell(cells, "p1", 3);
    int in2 = cell(cells, "in2", 20);
    int res2 = cell(cells, "res2", 11);
    int p2 = cell(cells, "p2", 12);
    cells.identity(List.of(p1, in1, res1), List.of(1, -1, 1));
    cells.identity(List.of(p2, in2, res2, p1), List.of(1, -1, 1, -1));
    assertEquals(List.of(p1), cells.recovered(K));

    ComplementarySuppression.Result r = ComplementarySuppression.protect(cells, K, 2);
    assertEquals(List.of(), cells.recovered(K));
    assertEquals(List.of(), r.unprotected());
    assertTrue(r.complements().size() >= 2, "one complement in each period: " + r.complements());
  }

  @Test
  void twoSmallCellsAreRecoveredFromTheirTotalWhenReadersKnowTheyAreUnderK() {
    // 18 = x + y with both under 10: the only way is 9 + 9. The total must go too.
    LinkedCells cells = new LinkedCells();
    int x = cell(cells, "x", 9);
    int y = cell(cells, "y", 9);
    int total = cell(cells, "total", 18);
    cells.sum(total, List.of(x, y));
    assertEquals(List.of(x, y), cells.recovered(K));
    assertEquals(List.of(new Cell("t", "total", "n")), ComplementarySuppression.protect(cells, K, 2).complements());
    assertEquals(List.of(), cells.recovered(K));
  }

  @Test
  void theCellsChosenDoNotDependOnTheOrderTheTablesAreRead() {
    // The same grid registered courts first or last: the complements are chosen by value and name, not by index.
    List<Cell> forward = ComplementarySuppression.protect(grid(List.of(0, 1, 2)), K, 5).complements();
    List<Cell> backward = ComplementarySuppression.protect(grid(List.of(2, 1, 0)), K, 5).complements();
    assertTrue(!forward.isEmpty());
    assertEquals(forward, backward);
  }

  @Test
  void aComplementThatLaterOnesMadeUnnecessaryIsPublishedAgain() {
    // 30 = a 4 + b 12 + c 14 with both b and c hidden: c alone can go back (a + b = 16, b >= 10
    // leaves a in [0, 6], seven possible counts), then b cannot (a = 30 − 12 − 14).
    LinkedCells cells = new LinkedCells();
    int a = cell(cells, "a", 4);
    int b = cell(cells, "b", 12);
    int c = cell(cells, "c", 14);
    cells.sum(cell(cells, "total", 30), List.of(a, b, c));
    cells.suppressAsComplement(b);
    cells.suppressAsComplement(c);
    long[][] bounds = cells.attack(K);

    assertTrue(cells.republishIfSafe(c, bounds, K, 5));
    assertEquals(State.PUBLISHED, cells.state(c));
    assertEquals(6, bounds[1][a]);
    assertTrue(!cells.republishIfSafe(b, bounds, K, 5));
    assertEquals(State.COMPLEMENTARY, cells.state(b));
    // What the incremental bounds say is what a reader working from scratch finds.
    long[][] fresh = cells.attack(K);
    assertEquals(java.util.Arrays.toString(fresh[0]), java.util.Arrays.toString(bounds[0]));
    assertEquals(java.util.Arrays.toString(fresh[1]), java.util.Arrays.toString(bounds[1]));
  }

  @Test
  void oneComplementIsEnoughWhereTheGreedyRoundsTookThree() {
    //        m0  m1  m2  m3 | year
    // c0     22  37  40  49 |  148
    // c1     38  16  [4] [9]|   67
    // c2     49  41  [4] 12 |  106
    // month 109  94  48  70 |  321
    // The rounds hide c1's and c2's years and c2's m3 (one per exposed cell); with m3 of c2
    // alone, a reader has c1m2 + c2m2 = 8, c1m2 + c1m3 = 13, c2m2 + c2m3 = 16, c1m3 + c2m3 = 21:
    // c2m2 = c1m3 − 5 in [0, 4], five possible counts each. The years go back.
    LinkedCells cells = new LinkedCells();
    long[][] values = {{22, 37, 40, 49}, {38, 16, 4, 9}, {49, 41, 4, 12}};
    int[][] m = new int[3][4];
    for (int court = 0; court < 3; court++) {
      for (int month = 0; month < 4; month++) {
        m[court][month] = cell(cells, "c" + court + "m" + month, values[court][month]);
      }
      long year = java.util.Arrays.stream(values[court]).sum();
      cells.sum(cell(cells, "c" + court + "y", year), List.of(m[court][0], m[court][1], m[court][2], m[court][3]));
    }
    List<Integer> months = new java.util.ArrayList<>();
    for (int month = 0; month < 4; month++) {
      months.add(cell(cells, "m" + month, values[0][month] + values[1][month] + values[2][month]));
      cells.sum(months.get(month), List.of(m[0][month], m[1][month], m[2][month]));
    }
    cells.sum(cell(cells, "year", 321), months);

    ComplementarySuppression.Result r = ComplementarySuppression.protect(cells, K, 5);
    assertEquals(List.of(new Cell("t", "c2m3", "n")), r.complements());
    long[][] bounds = cells.attack(K);
    assertEquals(List.of(0L, 4L), List.of(bounds[0][m[2][2]], bounds[1][m[2][2]]));
    assertEquals(List.of(4L, 8L), List.of(bounds[0][m[1][2]], bounds[1][m[1][2]]));
    assertEquals(List.of(5L, 9L), List.of(bounds[0][m[1][3]], bounds[1][m[1][3]]));
    assertEquals(List.of(12L, 16L), List.of(bounds[0][m[2][3]], bounds[1][m[2][3]]));
  }

  /** Three months of three courts with their year totals, two months small. */
  private static LinkedCells grid() {
    return grid(List.of(0, 1, 2));
  }

  /** The grid with its courts' cells and identities registered in the given order. */
  private static LinkedCells grid(List<Integer> courts) {
    LinkedCells cells = new LinkedCells();
    long[][] months = {{12, 4, 15}, {11, 13, 12}, {20, 14, 6}};
    for (int court : courts) {
      int[] m = new int[3];
      long year = 0;
      for (int month = 0; month < 3; month++) {
        m[month] = cell(cells, "c" + court + "m" + month, months[court][month]);
        year += months[court][month];
      }
      cells.sum(cell(cells, "c" + court + "y", year), List.of(m[0], m[1], m[2]));
    }
    for (int month = 0; month < 3; month++) {
      long sum = 0;
      for (int court = 0; court < 3; court++) {
        sum += months[court][month];
      }
      int region = cell(cells, "r" + "m" + month, sum);
      cells.sum(region, List.of(cells.find(new Cell("t", "c0m" + month, "n")).orElseThrow(),
          cells.find(new Cell("t", "c1m" + month, "n")).orElseThrow(), cells.find(new Cell("t", "c2m" + month, "n")).orElseThrow()));
    }
    return cells;
  }
}
