package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** The spread of a court-month mean from its cases, on months worked out by hand. */
@ExtendWith(SharedSpark.class)
class CaseLevelSpreadTest {

  private static final StructType SCORED = StructType.fromDDL("entity_id STRING, `period` STRING, decisions BIGINT,"
      + " within_var DOUBLE, deviation DOUBLE, spread DOUBLE, history_months BIGINT");

  /** 40 months of 25 decisions, within-month variance 0.36 (case residuals' sd 0.6), own spread S; the last month deviates by d. */
  private static List<Row> court(String id, double ownSpread, double lastDeviation) {
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < 40; m++) {
      rows.add(RowFactory.create(id, String.format("20%02d-%02d", 21 + m / 12, 1 + m % 12), 25L, 0.36,
          m == 39 ? lastDeviation : 0.3, ownSpread, 40L));
    }
    return rows;
  }

  /**
   * Every deviation 0.3 with σ² = 0.36 and n = 25: median(d² / σ²) = 0.09 / 0.36 = 0.25, so
   * ρ̂ = 0.25 / 0.4549 − 1/25 = 0.5095: month-to-month noise about half a case's variance.
   */
  @Test
  void theMonthShareIsTheMedianScaledDeviationLessTheCasesShare() {
    Dataset<Row> scored = SharedSpark.spark().createDataFrame(court("A", 0.2, 0.3), SCORED);
    assertEquals(0.25 / CaseLevelSpread.CHI2_1_MEDIAN - 0.04, CaseLevelSpread.monthShare(scored, lit(true)), 1e-12);
  }

  /**
   * With ρ = 0.01 the cases imply a spread of √(0.36 × (1/25 + 0.01)) = 0.13416. Court A's own
   * spread, 0.13, is within chance of it ((0.13 / 0.13416)² = 0.939, under the 95% quantile of
   * χ²_ν / ν with ν = 0.37 × 39 = 14.43: 1.680), so its month deviating by 1.1 (three times the
   * days, ln 3 ≈ 1.1) scores 1.1 / 0.13416 = 8.199 with the cases' 40 × 24 = 960 degrees of
   * freedom: p ≈ 1e-16, where the t with 14.4 degrees of freedom of its own spread gave 2.6e-7.
   * Court B's months vary by 0.4 on their own, far beyond what its cases imply: it is scored
   * against that, 1.1 / 0.4 = 2.75 with 14.43 degrees of freedom, as before; so is a month of 3
   * decisions.
   */
  @Test
  void aStableCourtIsReadByItsCasesAndANoisyOneByItsOwnMonths() {
    List<Row> rows = new ArrayList<>(court("A", 0.13, 1.1));
    rows.addAll(court("B", 0.4, 1.1));
    Dataset<Row> rescored = CaseLevelSpread.rescore(SharedSpark.spark().createDataFrame(rows, SCORED), 0.01, 0.05)
        .filter(col("period").equalTo("2024-04"));
    Row a = rescored.filter(col("entity_id").equalTo("A")).first();
    assertEquals(Math.sqrt(0.36 * 0.05), a.<Double>getAs("spread"), 1e-12);
    assertEquals(1.1 / Math.sqrt(0.36 * 0.05), a.<Double>getAs("score"), 1e-9);
    assertEquals(960.0, a.<Double>getAs("df"), 1e-12);
    assertTrue(Tails.studentAbove(a.<Double>getAs("score"), a.<Double>getAs("df")) < 1e-14);
    assertTrue(Tails.studentAbove(1.1 / 0.13, 0.37 * 39) > 1e-7, "the old reading");
    Row b = rescored.filter(col("entity_id").equalTo("B")).first();
    // Court C is A with 3 decisions in its last month: too few for their mean to be read as normal.
    List<Row> few = new ArrayList<>(court("C", 0.13, 1.1));
    Row last = few.remove(39);
    few.add(RowFactory.create("C", last.getString(1), 3L, 0.36, 1.1, 0.13, 40L));
    Row c = CaseLevelSpread.rescore(SharedSpark.spark().createDataFrame(few, SCORED), 0.01, 0.05)
        .filter(col("period").equalTo("2024-04")).first();
    assertEquals(0.13, c.<Double>getAs("spread"), 1e-12);
    assertEquals(0.37 * 39, c.<Double>getAs("df"), 1e-9);
    assertEquals(0.4, b.<Double>getAs("spread"), 1e-12);
    assertEquals(2.75, b.<Double>getAs("score"), 1e-12);
    assertEquals(0.37 * 39, b.<Double>getAs("df"), 1e-9);
  }
}
