package org.justicemonitor.evaluation;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.justicemonitor.measures.CaseFlowTest.d;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.Period;

/** Five online and five in-person civil decisions of 2025; the intervals worked out by hand. */
@ExtendWith(SharedSpark.class)
class HearingEquivalenceTest {

  private static final double Z = 1.959963984540054;

  private static final StructType SCHEMA = StructType.fromDDL(
      "case_category STRING, filed_at DATE, decided_at DATE, hearing_format STRING, "
      + "appealed BOOLEAN");

  private static Row decided(String category, int days, String format, Boolean appealed) {
    LocalDate decided = LocalDate.of(2025, 6, 30);
    return RowFactory.create(category, d(decided.minusDays(days).toString()), d(decided.toString()), format, appealed);
  }

  private static Dataset<Row> cases() {
    List<Row> rows = new ArrayList<>();
    // Online: 10, 20, 30, 40, 50 days; 1 appeal of 4 known (one unknown).
    rows.add(decided("civil", 10, "online", true));
    rows.add(decided("civil", 20, "online", false));
    rows.add(decided("civil", 30, "online", false));
    rows.add(decided("civil", 40, "online", false));
    rows.add(decided("civil", 50, "online", null));
    // In person: 40, 50, 60, 70, 200 days; 2 appeals of 5.
    rows.add(decided("civil", 40, "in_person", true));
    rows.add(decided("civil", 50, "in_person", true));
    rows.add(decided("civil", 60, "in_person", false));
    rows.add(decided("civil", 70, "in_person", false));
    rows.add(decided("civil", 200, "in_person", false));
    // Mixed hearings are neither.
    rows.add(decided("civil", 1, "mixed", true));
    // A category heard only online: nothing to compare.
    rows.add(decided("administrative", 5, "online", false));
    return SharedSpark.spark().createDataFrame(rows, SCHEMA);
  }

  private static Row row(String category) {
    return HearingEquivalence.compute(cases(), Period.YEAR, 14, 0.05, new Disclosure(1))
        .filter("case_category = '" + category + "'").first();
  }

  @Test
  void mediansAppealRatesAndTheirIntervals() {
    Row r = row("civil");
    assertEquals("2025", r.getAs("period"));
    assertEquals(5L, (long) r.getAs("online_decisions"));
    assertEquals(30.0, r.<Double>getAs("median_days_online"), 1e-12);
    assertEquals(60.0, r.<Double>getAs("median_days_in_person"), 1e-12);
    assertEquals(-30.0, r.<Double>getAs("days_difference"), 1e-12);
    // n = 5: c = round(3 − 1.96 × √1.25) = round(0.81) = 1, so SE = (Y5 − Y1) / (2 × 1.96).
    double seOnline = 40 / (2 * Z);
    double seInPerson = 160 / (2 * Z);
    double halfWidth = Z * Math.sqrt(seOnline * seOnline + seInPerson * seInPerson); // 82.46
    assertEquals(-30 - halfWidth, r.<Double>getAs("days_difference_ci_low"), 1e-5);
    assertEquals(-30 + halfWidth, r.<Double>getAs("days_difference_ci_high"), 1e-5);
    assertEquals("inconclusive", r.getAs("days_verdict"));
    // Appeal rates 1/4 and 2/5.
    assertEquals(0.25, r.<Double>getAs("appeal_rate_online"), 1e-12);
    assertEquals(0.4, r.<Double>getAs("appeal_rate_in_person"), 1e-12);
    double rateHalfWidth = Z * Math.sqrt(0.25 * 0.75 / 4 + 0.4 * 0.6 / 5); // 0.6037
    assertEquals(-0.15 - rateHalfWidth, r.<Double>getAs("appeal_rate_difference_ci_low"), 1e-5);
    assertEquals(false, r.getAs("differs_beyond_margin"));
    assertEquals(false, r.getAs("suppressed"));
  }

  @Test
  void nothingToCompareHasNoValue() {
    Row r = row("administrative");
    // No in-person decision: a 0 tells nothing of anyone and is published; the difference it
    // would rest on cannot exist (M), which is not a suppression.
    assertEquals(0L, (long) r.getAs("in_person_decisions"));
    assertTrue(r.isNullAt(r.fieldIndex("days_difference")));
    assertEquals("M", r.getAs("days_difference_status"));
    assertEquals(false, r.getAs("suppressed"));
  }

  @Test
  void verdicts() {
    Row v = SharedSpark.spark().range(1).select(
        HearingEquivalence.verdict(lit(-3.0), lit(5.0), 14),
        HearingEquivalence.verdict(lit(20.0), lit(40.0), 14),
        HearingEquivalence.verdict(lit(-40.0), lit(-20.0), 14),
        HearingEquivalence.verdict(lit(-20.0), lit(5.0), 14)).first();
    assertEquals(List.of("equivalent", "different", "different", "inconclusive"),
        List.of(v.getString(0), v.getString(1), v.getString(2), v.getString(3)));
  }
}
