package org.justicemonitor.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The breakdown value of relative magnitudes, worked out by hand. */
class ParallelTrendsSensitivityTest {

  private static final double EPS = 1e-9;

  /** Every replicate −0.20 with a largest pre-adoption gap of 0.05: the interval reaches 0 at M̄ = 0.20 / 0.05 = 4. */
  @Test
  void aConstantEstimateBreaksDownAtItsDistanceFromZeroInPreAdoptionGaps() {
    double[] overall = {-0.2, -0.2, -0.2};
    double[] gaps = {0.05, 0.05, 0.05};
    assertArrayEquals(new double[] {-0.2, -0.2}, ParallelTrendsSensitivity.interval(overall, gaps, 0), EPS);
    assertArrayEquals(new double[] {-0.25, -0.15}, ParallelTrendsSensitivity.interval(overall, gaps, 1), EPS);
    assertEquals(4.0, ParallelTrendsSensitivity.breakdown(overall, gaps), 1e-3);
  }

  /**
   * Two replicates, −0.3 with a gap of 0.1 and −0.1 with a gap of 0.02: the upper bounds are
   * −0.3 + 0.1·M̄ and −0.1 + 0.02·M̄, which cross at M̄ = 2.5. Beyond it the type-7 97.5% quantile
   * is (−0.1 + 0.02·M̄) + 0.975·((−0.3 + 0.1·M̄) − (−0.1 + 0.02·M̄)) = −0.295 + 0.098·M̄, which is 0
   * at M̄ = 0.295 / 0.098 = 3.0102 (below 2.5 it would have been −0.105 + 0.022·M̄, 0 only at 4.77,
   * past the crossing).
   */
  @Test
  void eachReplicateCarriesItsOwnPreAdoptionGap() {
    double[] overall = {-0.3, -0.1};
    double[] gaps = {0.1, 0.02};
    assertEquals(0.295 / 0.098, ParallelTrendsSensitivity.breakdown(overall, gaps), 1e-3);
  }

  @Test
  void anIntervalThatAlreadyIncludesZeroBreaksDownAtZero() {
    assertEquals(0.0, ParallelTrendsSensitivity.breakdown(new double[] {-0.1, 0.1}, new double[] {0.05, 0.05}), EPS);
  }

  @Test
  void withoutAPreAdoptionGapThereIsNothingToScale() {
    assertTrue(Double.isNaN(ParallelTrendsSensitivity.breakdown(new double[] {-0.3, -0.2}, new double[] {0.0, 0.0})));
    assertEquals(Double.POSITIVE_INFINITY,
        ParallelTrendsSensitivity.breakdown(new double[] {-0.3, -0.3}, new double[] {1e-6, 1e-6}));
  }
}
