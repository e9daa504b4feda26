package org.justicemonitor.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The estimator on panels small enough to work out by hand. */
class StaggeredAdoptionTest {

  private static final double EPS = 1e-12;

  /**
   * The 2×2 difference-in-differences: court A adopts in month 1, court B never. A goes from 4.0
   * to 3.5, B from 4.2 to 4.1: (3.5 − 4.0) − (4.1 − 4.2) = −0.4, whatever the case counts.
   */
  @Test
  void twoCourtsTwoMonthsIsTheClassicDifferenceInDifferences() {
    StaggeredAdoption.Panel panel = new StaggeredAdoption.Panel(List.of("A", "B"), new int[] {1, StaggeredAdoption.NEVER},
        new long[][] {{10, 10}, {20, 20}}, new double[][] {{40.0, 35.0}, {84.0, 82.0}});
    StaggeredAdoption.Result r = StaggeredAdoption.estimate(panel, 99, 1).orElseThrow();
    assertEquals(-0.4, r.overall().value(), EPS);
    assertEquals(10, r.overall().treatedCases());
    assertEquals(1, r.overall().treatedUnits());
    assertEquals(1, r.overall().comparisonUnits());
    assertEquals(0.0, r.byEventTime().get(-1).value(), EPS);
    // Every resample with both courts gives −0.4; those without one of them give none.
    assertEquals(-0.4, r.overall().ciLow(), EPS);
    assertEquals(-0.4, r.overall().ciHigh(), EPS);
  }

  /**
   * Staggered adoption with an effect that grows: A adopts in month 1 (effect −0.5, −0.7, −0.9 in
   * its months 0, 1, 2), B in month 2 (−0.5 each month), C never; levels differ (A 2, B 1, C 0),
   * the trend is common (+0.1 a month). Each cohort is compared only with courts not yet treated:
   * B serves A in month 1 but not from month 2, when it is treated itself; a two-way fixed-effects
   * regression would use B's treated months as a comparison. By event time: month 0 −0.5 (A and
   * B), month 1 (−0.7 − 0.5)/2 = −0.6, month 2 −0.9 (A only); over the five treated cells,
   * (−0.5 − 0.7 − 0.9 − 0.5 − 0.5)/5 = −0.62. Before adoption: 0.
   */
  @Test
  void staggeredCohortsAreComparedOnlyWithCourtsNotYetTreated() {
    double[] a = {2.0, 2.1 - 0.5, 2.2 - 0.7, 2.3 - 0.9};
    double[] b = {1.0, 1.1, 1.2 - 0.5, 1.3 - 0.5};
    double[] c = {0.0, 0.1, 0.2, 0.3};
    long[] one = {1, 1, 1, 1};
    StaggeredAdoption.Panel panel = new StaggeredAdoption.Panel(List.of("A", "B", "C"),
        new int[] {1, 2, StaggeredAdoption.NEVER}, new long[][] {one, one, one}, new double[][] {a, b, c});
    StaggeredAdoption.Result r = StaggeredAdoption.estimate(panel, 199, 7).orElseThrow();
    assertEquals(-0.62, r.overall().value(), EPS);
    assertEquals(-0.5, r.byEventTime().get(0).value(), EPS);
    assertEquals(-0.6, r.byEventTime().get(1).value(), EPS);
    assertEquals(-0.9, r.byEventTime().get(2).value(), EPS);
    assertEquals(0.0, r.byEventTime().get(-1).value(), EPS);
    assertEquals(0.0, r.byEventTime().get(-2).value(), EPS);
    assertEquals(5, r.overall().treatedCases());
    assertEquals(2, r.overall().treatedUnits());
    assertEquals(2, r.overall().comparisonUnits(), "B in A's month 1, and C");
  }

  /**
   * A level outcome, the clearance rate: A (cohort 1) goes from 8/10 to 9/10, B (never) stays at
   * 14/20. ATT = 0.1 points; A's month-1 rate 0.9 would have been 0.8 without the programme, so
   * the relative change is 0.1 / 0.8 = 0.125.
   */
  @Test
  void aLevelOutcomeIsARelativeChangeOfTheTreatedLevel() {
    StaggeredAdoption.Panel panel = new StaggeredAdoption.Panel(List.of("A", "B"), new int[] {1, StaggeredAdoption.NEVER},
        new long[][] {{10, 10}, {20, 20}}, new double[][] {{8, 9}, {14, 14}});
    StaggeredAdoption.Result r = StaggeredAdoption.estimate(panel, 99, 1, StaggeredAdoption.Scale.LEVEL).orElseThrow();
    assertEquals(0.125, r.overall().value(), EPS);
    assertEquals(0.125, r.byEventTime().get(0).value(), EPS);
  }

  @Test
  void theBootstrapIsFixedByItsSeed() {
    double[] a = {2.0, 1.7, 1.5, 1.6};
    double[] b = {1.0, 1.3, 0.6, 0.9};
    double[] c = {0.0, 0.2, 0.1, 0.4};
    double[] d = {0.5, 0.5, 0.8, 0.7};
    long[] n = {3, 2, 4, 1};
    StaggeredAdoption.Panel panel = new StaggeredAdoption.Panel(List.of("A", "B", "C", "D"),
        new int[] {1, 2, StaggeredAdoption.NEVER, StaggeredAdoption.NEVER}, new long[][] {n, n, n, n},
        new double[][] {a, b, c, d});
    StaggeredAdoption.Estimate first = StaggeredAdoption.estimate(panel, 199, 11).orElseThrow().overall();
    StaggeredAdoption.Estimate again = StaggeredAdoption.estimate(panel, 199, 11).orElseThrow().overall();
    assertEquals(first, again);
  }

  @Test
  void withoutAComparisonThereIsNoEstimate() {
    StaggeredAdoption.Panel panel = new StaggeredAdoption.Panel(List.of("A"), new int[] {1},
        new long[][] {{1, 1}}, new double[][] {{1.0, 0.5}});
    assertEquals(java.util.Optional.empty(), StaggeredAdoption.estimate(panel, 9, 1));
  }
}
