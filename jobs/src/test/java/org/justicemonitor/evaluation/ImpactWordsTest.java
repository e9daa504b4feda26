package org.justicemonitor.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The note's verdict on an impact estimate: the pre-trend test and the sensitivity, in words. */
class ImpactWordsTest {

  private static StaggeredAdoption.Result result(double preTrendP, double breakdown) {
    return new StaggeredAdoption.Result(null, new TreeMap<>(), new TreeMap<>(), preTrendP, breakdown);
  }

  @Test
  void aRobustEstimateSaysHowLargeAViolationWouldOverturnIt() {
    assertEquals("; no drift before adoption (joint test of the months before adoption, p = 0.79); it stands unless, after"
        + " adoption, the comparison was off by more than 2.75 times the largest gap seen before adoption (the breakdown value)",
        DigitalImpact.diagnostics(result(0.79, 2.75)));
  }

  /** M̄ = 0.004 is no strength: "more than 0.00 times" would read as one; below 0.5 the note says fragile. */
  @Test
  void aFragileEstimateIsCalledFragile() {
    assertEquals("; it is fragile: a departure from parallel trends after adoption of only 0.4% of the largest gap seen"
        + " before adoption would overturn it (the breakdown value)", DigitalImpact.diagnostics(result(Double.NaN, 0.004)));
    assertEquals("; before adoption the adopting courts already drifted from the comparison (joint test of the months before"
        + " adoption, p = 0.012): parallel trends are in doubt, do not read this as the programme's effect",
        DigitalImpact.diagnostics(result(0.012, 0)));
  }
}
