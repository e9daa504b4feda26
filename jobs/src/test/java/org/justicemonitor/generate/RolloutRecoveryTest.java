package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.evaluation.DigitalImpact;

/**
 * The impact estimate on generated courts whose answer is known: half the district courts adopt
 * e_case_management over four dates, and their days to decision change by a set share from then.
 * The estimate is within 0.05 of the injected effect and its 95% interval covers it; with a
 * rollout and no effect, the interval covers 0. The pre-trend test does not reject (the generator
 * keeps parallel trends), and the breakdown value tells the two apart. At the generator's default
 * scale and at half of it, with two seeds; the generator's anomalies (slow and stalled courts,
 * surges) stay in.
 */
@ExtendWith(SharedSpark.class)
// The generator switches a session setting off and back while it writes: one generator at a time.
@ResourceLock("spark.sql.codegen.wholeStage")
class RolloutRecoveryTest {

  @Test
  void anInjectedEffectIsRecoveredWithinItsInterval() {
    for (long[] scale : new long[][] {{200_000, 42}, {100_000, 7}}) {
      Row r = daysToDecision(options(scale[0], scale[1]).withRolloutEffect(-0.3));
      String what = scale[0] + " cases, seed " + scale[1] + ": " + r;
      assertEquals(-0.3, r.<Double>getAs("relative_effect"), 0.05, what);
      assertTrue(r.<Double>getAs("ci_low") <= -0.3 && -0.3 <= r.<Double>getAs("ci_high"), what);
      assertEquals(10, r.<Integer>getAs("treated_units"), what);
      // The generator keeps parallel trends: the joint test does not reject, and the effect
      // stands beyond violations as large as the largest pre-adoption gap (2.7 times, measured).
      assertTrue(r.<Double>getAs("pretrend_p_value") >= 0.05, what);
      assertTrue(r.<Double>getAs("breakdown_m") > 1, what);
    }
  }

  @Test
  void aRolloutWithoutEffectFindsNone() {
    for (long[] scale : new long[][] {{200_000, 42}, {100_000, 7}}) {
      Row r = daysToDecision(options(scale[0], scale[1]).withRolloutEffect(0.0));
      String what = scale[0] + " cases, seed " + scale[1] + ": " + r;
      assertTrue(r.<Double>getAs("ci_low") <= 0 && 0 <= r.<Double>getAs("ci_high"), what);
      assertTrue(r.<String>getAs("note").startsWith("no change in days to decision distinguishable from none"), what);
      assertTrue(r.<Double>getAs("pretrend_p_value") >= 0.05, what);
      assertEquals(0.0, r.<Double>getAs("breakdown_m"), what);
    }
  }

  private static GeneratorOptions options(long cases, long seed) {
    return new GeneratorOptions(cases, 0, YearMonth.of(2019, 1), YearMonth.of(2025, 12), seed, "csv", false, 0.0, 0.0, 2,
        100_000);
  }

  private static Row daysToDecision(GeneratorOptions options) {
    SparkSession spark = SharedSpark.spark();
    Scenario scenario = Scenario.of(options);
    Dataset<Row> cases = new CaseTable(scenario).build(spark, 2).cache();
    List<Row> rollouts = new ArrayList<>();
    scenario.rollouts().forEach((court, on) ->
        rollouts.add(RowFactory.create(Scenario.PROGRAM, court, null, java.sql.Date.valueOf(on))));
    DigitalImpact.Tables impact = DigitalImpact.compute(cases,
        spark.createDataFrame(rollouts, Contract.ROLLOUTS.storedSchema()), options.from(), options.asOf(), new Disclosure(10));
    Row row = impact.effects().filter(col("outcome").equalTo(DigitalImpact.DAYS_TO_DECISION)).first();
    System.out.println("digital impact, " + options.cases() + " cases, seed " + options.seed() + ", effect "
        + options.rolloutEffect() + ": " + row);
    cases.unpersist();
    return row;
  }
}
