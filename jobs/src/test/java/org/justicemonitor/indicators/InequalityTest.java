package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/**
 * Three regions: A (population 100, group g1, value 1), B (100, g2, 3), C (200, g1, 2).
 * Shares s = 0.25, 0.25, 0.5; weighted mean μ = 0.25 + 0.75 + 1 = 2.
 * Gini: ordered pairs Σ s_i s_j |x_i − x_j| = 2 (0.0625·2 + 0.125·1 + 0.125·1) = 0.75; / (2μ) = 0.1875.
 * Theil: 0.25·0.5·ln 0.5 + 0.25·1.5·ln 1.5 + 0.5·1·ln 1 = −0.0866434 + 0.1520494 = 0.0654060.
 * Groups: g1 = {A, C}: S = 0.75, μ_g = 1.25 / 0.75 = 5/3; g2 = {B}: S = 0.25, μ_g = 3.
 * Between: 0.75·(5/6)·ln(5/6) + 0.25·1.5·ln 1.5 = −0.1139510 + 0.1520494 = 0.0380984; within = 0.0273076.
 * CV: variance 0.25·1 + 0.25·1 + 0.5·0 = 0.5; √0.5 / 2 = 0.3535534. Max/min = 3.
 */
@ExtendWith(SharedSpark.class)
class InequalityTest {

  private static Dataset<Row> regions() {
    StructType schema = StructType.fromDDL("region_code STRING, `group` STRING, population BIGINT");
    return SharedSpark.spark().createDataFrame(List.of(
        RowFactory.create("A", "g1", 100L), RowFactory.create("B", "g2", 100L), RowFactory.create("C", "g1", 200L),
        RowFactory.create("D", "g2", 1000L)), schema);
  }

  private static Dataset<Row> values(Object[]... rows) {
    StructType schema = StructType.fromDDL("indicator STRING, `period` STRING, region_code STRING, value DOUBLE");
    return SharedSpark.spark().createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), schema);
  }

  @Test
  void threeRegionsWorkedByHand() {
    // D's value is suppressed (null) and 00 is the unknown region: both are left out.
    Row r = Inequality.compute(values(
        new Object[] {"x", "2025", "A", 1.0}, new Object[] {"x", "2025", "B", 3.0}, new Object[] {"x", "2025", "C", 2.0},
        new Object[] {"x", "2025", "D", null}, new Object[] {"x", "2025", "00", 50.0}), regions()).first();
    assertEquals(0.1875, r.<Double>getAs("gini"), 1e-9);
    assertEquals(0.0654060180, r.<Double>getAs("theil"), 1e-9);
    assertEquals(0.0380984425, r.<Double>getAs("theil_between"), 1e-9);
    assertEquals(0.0273075754, r.<Double>getAs("theil_within"), 1e-9);
    assertEquals(0.3535533906, r.<Double>getAs("cv"), 1e-9);
    assertEquals(3.0, r.<Double>getAs("max_min_ratio"), 1e-12);
    assertEquals("A", r.getAs("lowest_region"));
    assertEquals("B", r.getAs("highest_region"));
    assertEquals(3L, (long) r.getAs("regions_included"));
  }

  @Test
  void equalValuesAreNoInequalityAndAZeroMinimumHasNoRatio() {
    List<Row> rows = Inequality.compute(values(
        new Object[] {"same", "2025", "A", 0.5}, new Object[] {"same", "2025", "C", 0.5},
        new Object[] {"zero", "2025", "A", 0.0}, new Object[] {"zero", "2025", "C", 2.0}), regions())
        .orderBy("indicator").collectAsList();
    Row same = rows.get(0);
    assertEquals(0.0, same.<Double>getAs("gini"), 1e-12);
    assertEquals(0.0, same.<Double>getAs("theil"), 1e-12);
    assertEquals(1.0, same.<Double>getAs("max_min_ratio"), 1e-12);
    Row zero = rows.get(1);
    assertNull(zero.getAs("max_min_ratio"));
    // A zero value adds nothing to Theil: only C's term, (2/3)·(2/(4/3))·ln 1.5.
    assertEquals((2.0 / 3) * 1.5 * Math.log(1.5), zero.<Double>getAs("theil"), 1e-12);
  }

  @Test
  void onlyRowsThatCompareLikeWithLikeArePublished() {
    assertEquals(15, Inequality.minRegions(20));
    assertEquals(15, Inequality.minRegions(27));
    assertEquals(3, Inequality.minRegions(4));
    assertEquals(3, Inequality.minRegions(3));
    Dataset<Row> indices = Inequality.compute(values(
        new Object[] {"x", "2025", "A", 1.0}, new Object[] {"x", "2025", "B", 3.0}, new Object[] {"x", "2025", "C", 2.0},
        new Object[] {"x", "2025-01", "A", 1.0}, new Object[] {"x", "2025-01", "B", 3.0},
        // Medians of whole days: 0 and 1 day apart are not an inequality; 40 and 60 days are.
        new Object[] {"median_days_to_register_e_filing", "2025", "A", 0.0},
        new Object[] {"median_days_to_register_e_filing", "2025", "B", 1.0},
        new Object[] {"median_days_to_register_e_filing", "2025", "C", 0.0},
        new Object[] {"median_days_to_decision", "2025", "A", 40.0}, new Object[] {"median_days_to_decision", "2025", "B", 60.0},
        new Object[] {"median_days_to_decision", "2025", "C", 50.0}), regions());
    List<String> kept = Inequality.comparable(indices, 3).orderBy("indicator", "period").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1)).toList();
    assertEquals(List.of("median_days_to_decision 2025", "x 2025"), kept);
  }
}
