package org.justicemonitor.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Simultaneous bands and the joint pre-trend test on replicates small enough to work out by hand. */
class EventStudyInferenceTest {

  private static final double EPS = 1e-9;
  /** Φ⁻¹(0.75) − Φ⁻¹(0.25). */
  private static final double NORMAL_IQR = 1.3489795003921634;

  /**
   * Two event times, four replicates each deviating by −2, −1, +1, +2 (first) and −1, −0.5, +0.5,
   * +1 (second) from the estimates 0 and 1. Type-7 quartiles of {−2, −1, 1, 2}: −1.25 and 1.25, so
   * se₀ = 2.5 / 1.349 = 1.853; of {0, 0.5, 1.5, 2}: 0.375 and 1.625, se₁ = 1.25 / 1.349 = 0.927.
   * Scaled, both give |dev| / se = 1.079 in replicates 1 and 4 and 0.540 in 2 and 3: the sup-t
   * maxima are {0.540, 0.540, 1.079, 1.079}, whose 95% quantile is 1.079 = 2 × 1.349 / 2.5. The
   * band is then 0 ± 1.079 × 1.853 = ±2 and 1 ± 1.079 × 0.927 = [0, 2].
   */
  @Test
  void theBandScalesEachEventTimeByTheQuantileOfTheLargestStandardisedDeviation() {
    double[] estimates = {0.0, 1.0};
    double[][] replicates = {{-2, -1, 1, 2}, {0, 0.5, 1.5, 2}};
    double[] se = EventStudyInference.standardErrors(replicates);
    assertEquals(2.5 / NORMAL_IQR, se[0], EPS);
    assertEquals(1.25 / NORMAL_IQR, se[1], EPS);
    EventStudyInference.Band band = EventStudyInference.uniformBand(estimates, replicates, 0.95);
    assertEquals(2 * NORMAL_IQR / 2.5, band.criticalValue(), EPS);
    assertEquals(-2.0, band.low()[0], EPS);
    assertEquals(2.0, band.high()[0], EPS);
    assertEquals(0.0, band.low()[1], EPS);
    assertEquals(2.0, band.high()[1], EPS);
  }

  /**
   * The same replicates around an estimate of 1.5 at the first event time, which alone is tested:
   * T = 1.5 / 1.853 = 0.809; the centred maxima over that event time are 1.079, 0.540, 0.540,
   * 1.079, two of them at least T, so p = (1 + 2) / (1 + 4) = 0.6. The untested second event time
   * does not enter, however far from 0 it is.
   */
  @Test
  void theJointTestCountsTheReplicatesWhoseLargestDeviationReachesTheEstimates() {
    double[] estimates = {1.5, 40.0};
    double[][] replicates = {{-0.5, 0.5, 2.5, 3.5}, {39, 39.5, 40.5, 41}};
    assertEquals(0.6, EventStudyInference.jointTestPValue(estimates, replicates, new boolean[] {true, false}), EPS);
    // Both tested: the second, 40 / 0.927 = 43 standard errors from 0, beats every replicate.
    assertEquals(0.2, EventStudyInference.jointTestPValue(estimates, replicates, new boolean[] {true, true}), EPS);
  }

  @Test
  void eventTimesWithoutVariationOrEstimateGetNoBandAndNoTest() {
    double[] estimates = {0.0, Double.NaN, 0.5};
    double[][] replicates = {{0.0, 0.0, 0.0}, {Double.NaN, Double.NaN, Double.NaN}, {0.4, 0.5, 0.6}};
    EventStudyInference.Band band = EventStudyInference.uniformBand(estimates, replicates, 0.95);
    assertTrue(Double.isNaN(band.low()[0]) && Double.isNaN(band.low()[1]));
    assertTrue(band.low()[2] < 0.5 && band.high()[2] > 0.5);
    assertTrue(Double.isNaN(EventStudyInference.jointTestPValue(estimates, replicates, new boolean[] {true, true, false})));
  }
}
