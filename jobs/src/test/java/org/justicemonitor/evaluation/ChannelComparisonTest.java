package org.justicemonitor.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.disclosure.Disclosure;

/** E-filed against paper cases within court, category and month, on cases worked out by hand. */
@ExtendWith(SharedSpark.class)
class ChannelComparisonTest {

  /**
   * Court 71-D01, civil, March 2024: e-filed cases took 10 and 40 days (geometric mean 20), paper
   * ones 20 and 80 (40): d = ln 20 − ln 40 = −ln 2, weight 2·2/4 = 1. Court 71-R01, April: one of
   * each, 30 days both: d = 0, weight 1/2. May has e-filed cases only: no stratum. Estimate
   * (−ln 2 + 0)/1.5, so exp(·) − 1 = −0.370039. Pooled variance: each March channel has squares
   * 2 (ln 2)² about its mean, 2 degrees of freedom in all, σ² = (ln 2)²·2·2/2; SE = √(σ²/1.5) =
   * 0.800378; interval exp(−0.462098 ∓ 1.96 × 0.800378) − 1 = −0.868771 … 2.024098.
   */
  @Test
  void theStratifiedDifferenceAndItsInterval() {
    Dataset<Row> cases = SharedSpark.spark().sql("""
        SELECT region_code, court_id, court_level, case_category, filing_channel, DATE(filed_at) AS filed_at,
               DATE(decided_at) AS decided_at, CAST(NULL AS DATE) AS registered_at
        FROM VALUES
          ('71', '71-D01', 'district', 'civil', 'e_filing', '2024-03-01', '2024-03-11'),
          ('71', '71-D01', 'district', 'civil', 'e_filing', '2024-03-05', '2024-04-14'),
          ('71', '71-D01', 'district', 'civil', 'paper', '2024-03-02', '2024-03-22'),
          ('71', '71-D01', 'district', 'civil', 'paper', '2024-03-03', '2024-05-22'),
          ('71', '71-R01', 'regional', 'civil', 'e_filing', '2024-04-01', '2024-05-01'),
          ('71', '71-R01', 'regional', 'civil', 'paper', '2024-04-02', '2024-05-02'),
          ('71', '71-D01', 'district', 'civil', 'e_filing', '2024-05-02', '2024-05-12')
        AS t(region_code, court_id, court_level, case_category, filing_channel, filed_at, decided_at)""");
    Dataset<Row> regions = SharedSpark.spark().sql(
        "SELECT * FROM VALUES ('71', 1000L, 0.9D), ('75', 3000L, 0.7D) AS t(region_code, population, internet_users_share)");
    List<Row> rows = ChannelComparison.compute(cases, regions, LocalDate.of(2025, 12, 31), new Disclosure(1))
        .orderBy("region_code").collectAsList();
    assertEquals(2, rows.size(), "the region and the whole country");
    Row nation = rows.get(0);
    Row region = rows.get(1);
    assertEquals("00", nation.getAs("region_code"));
    for (Row r : rows) {
      assertEquals("2024", r.getAs("period"));
      assertEquals(3L, r.<Long>getAs("e_filed_decisions"));
      assertEquals(3L, r.<Long>getAs("paper_decisions"));
      assertEquals(2L, r.<Long>getAs("courts"));
      assertEquals(-0.370039, r.<Double>getAs("relative_difference_days_to_decision"), 1e-6);
      assertEquals(-0.868771, r.<Double>getAs("ci_low"), 1e-6);
      assertEquals(2.024098, r.<Double>getAs("ci_high"), 1e-6);
      assertNull(r.getAs("relative_difference_days_to_register"), "no registration dates");
    }
    assertEquals(0.9, region.<Double>getAs("internet_users_share"), 1e-9);
    assertEquals((0.9 * 1000 + 0.7 * 3000) / 4000, nation.<Double>getAs("internet_users_share"), 1e-6);
  }
}
