package org.justicemonitor.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.justicemonitor.measures.CaseFlowTest.d;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.disclosure.Disclosure;

/** Two courts, nine cases and three rejected rows whose quality is worked out by hand. */
@ExtendWith(SharedSpark.class)
class DataQualityTest {

  private static final StructType CASES = StructType.fromDDL("court_id STRING, court_level STRING, region_code STRING, "
      + "filed_at DATE, registered_at DATE, first_hearing_at DATE, decided_at DATE, hearing_format STRING, appealed BOOLEAN, "
      + "judge_id STRING, party_represented BOOLEAN, language STRING");

  private static final StructType QUARANTINE = StructType.fromDDL("court_id STRING, filed_at STRING, reason STRING");

  private static Row c(String court, String filed, String registered, String hearing, String decided, String format,
      Boolean appealed, String judge, Boolean represented, String language) {
    return RowFactory.create(court, "district", "71", d(filed), d(registered), d(hearing), d(decided), format, appealed, judge,
        represented, language);
  }

  private static DataQuality.Tables tables(int k) {
    String a = "71-D01";
    Dataset<Row> cases = SharedSpark.spark().createDataFrame(List.of(
        // 2024: c1 complete; c2 pending, representation not recorded.
        c(a, "2024-03-01", "2024-03-02", "2024-04-01", "2024-05-01", "in_person", false, "J1", true, "ru"),
        c(a, "2024-06-01", null, null, null, null, null, "J1", null, "kk"),
        // 2025: c3 decided without a registration date; c4 written (no hearing needed), appeal and judge not recorded;
        // c5 decided without a hearing format (so without a first hearing) nor a language; c6, c7 pending.
        c(a, "2025-01-10", null, "2025-01-20", "2025-02-10", "online", true, "J2", false, "ru"),
        c(a, "2025-02-01", "2025-02-02", null, "2025-03-01", "written", null, null, true, "kk"),
        c(a, "2025-03-01", "2025-03-02", null, "2025-04-01", null, false, "J2", true, null),
        c(a, "2025-05-01", null, null, null, null, null, "J2", null, "ru"),
        c(a, "2025-06-01", null, null, null, null, null, "J2", true, "ru"),
        // 2014: pending for almost 12 years at the extract date.
        c(a, "2014-01-15", null, null, null, null, null, "J1", null, "ru"),
        // Another court, one complete case in 2025.
        c("71-D02", "2025-01-01", "2025-01-01", "2025-01-03", "2025-01-05", "in_person", false, "J3", false, "kk")), CASES);
    Dataset<Row> quarantined = SharedSpark.spark().createDataFrame(List.of(
        RowFactory.create(a, "2025-02-30", "invalid_date(filed_at)"), // an impossible date, but its year reads: 71-D01's 2025
        RowFactory.create(a, "garbage", "invalid_date(filed_at)"),    // no year: counts for no row
        RowFactory.create("99-X99", "2025-01-01", "invalid_enum(court_level)")), // an unknown court: counts for no court
        QUARANTINE);
    return DataQuality.compute(cases, quarantined, LocalDate.of(2025, 12, 31), new Disclosure(k));
  }

  private static Row court(Dataset<Row> courts, String court, String year) {
    return courts.filter("court_id = '" + court + "' and period = '" + year + "'").first();
  }

  @Test
  void aCourtYearWorkedOutByHand() {
    Dataset<Row> courts = tables(1).courts();
    Row y = court(courts, "71-D01", "2025");
    assertEquals(1.0 / 6, y.<Double>getAs("quarantine_rate"), 1e-6);  // 1 rejected of 5 kept + 1
    assertEquals(0.0, y.<Double>getAs("date_order_rate"), 1e-12);     // its date was impossible, not out of order
    // registered 2/3 decided, first hearing 1/2 (c3, c5), appealed 2/3, judge 4/5, representation 4/5, language 4/5.
    double completeness = (2.0 / 3 + 0.5 + 2.0 / 3 + 0.8 + 0.8 + 0.8) / 6;
    assertEquals(completeness, y.<Double>getAs("completeness"), 1e-6);
    assertEquals(1.0 / 3, y.<Double>getAs("decided_without_hearing_format_rate"), 1e-6);
    assertEquals(0.0, y.<Double>getAs("pending_over_10_years_rate"), 1e-12);
    assertEquals(true, y.getAs("volume_jump"));  // 5 cases against 2
    double score = 100 * ((1 - 1.0 / 6) + completeness + (1 - 1.0 / 3) + 1) / 4;
    assertEquals(Math.round(score * 10) / 10.0, y.<Double>getAs("score"), 1e-9);  // 80.1
    assertEquals(2, (int) y.<Integer>getAs("rank"));                               // 71-D02 scores 100

    Row before = court(courts, "71-D01", "2024");
    assertEquals(0.0, before.<Double>getAs("quarantine_rate"), 1e-12);
    assertEquals(97.9, before.<Double>getAs("score"), 1e-9);  // 100 × (1 + 5.5/6 + 1 + 1) / 4
    assertNull(before.getAs("volume_jump"));                   // no 2023
    Row old = court(courts, "71-D01", "2014");
    assertEquals(1.0, old.<Double>getAs("pending_over_10_years_rate"), 1e-12);
    assertEquals(70.8, old.<Double>getAs("score"), 1e-9);     // 100 × (1 + 5/6 + 1 + 0) / 4, no decision to judge
    assertEquals(100.0, court(courts, "71-D02", "2025").<Double>getAs("score"), 1e-9);
  }

  @Test
  void valuesRestingOnALowQualityCourtAreFlagged() {
    // At a threshold of 90, 71-D01 is low in 2025 (80.1) and 2014 (70.8), not in 2024 (97.9); 71-D02 scores 100.
    Dataset<Row> low = DataQuality.lowQuality(tables(1).courts(), 90);
    StructType courtSchema = StructType.fromDDL("court_id STRING, period STRING, incoming BIGINT");
    Dataset<Row> courtYear = SharedSpark.spark().createDataFrame(List.of(RowFactory.create("71-D01", "2025", 5L),
        RowFactory.create("71-D01", "2024", 2L), RowFactory.create("71-D02", "2025", 1L)), courtSchema);
    List<Row> courts = DataQuality.flagged(courtYear, low, List.of("court_id")).orderBy("court_id", "period").collectAsList();
    assertEquals(List.of("court_id", "period", "incoming", "quality_flag"), List.of(courts.get(0).schema().fieldNames()));
    assertNull(courts.get(0).getAs("quality_flag"));                              // 71-D01 2024
    assertEquals(DataQuality.LOW_QUALITY, courts.get(1).getAs("quality_flag"));   // 71-D01 2025
    assertNull(courts.get(2).getAs("quality_flag"));                              // 71-D02 2025
    // A region's month rests on its district courts: flagged in 2025 (71-D01), not in 2024; another region never.
    Dataset<Row> regionMonth = SharedSpark.spark().createDataFrame(List.of(RowFactory.create("71", "2025-03"),
        RowFactory.create("71", "2024-03"), RowFactory.create("75", "2025-03")), StructType.fromDDL("region_code STRING, period STRING"));
    List<Row> regions = DataQuality.flagged(regionMonth, low, List.of("region_code")).orderBy("region_code", "period").collectAsList();
    assertNull(regions.get(0).getAs("quality_flag"));
    assertEquals(DataQuality.LOW_QUALITY, regions.get(1).getAs("quality_flag"));
    assertNull(regions.get(2).getAs("quality_flag"));
    Dataset<Row> nationalYear = SharedSpark.spark().createDataFrame(List.of(RowFactory.create("00", "2024"),
        RowFactory.create("00", "2014")), StructType.fromDDL("region_code STRING, period STRING"));
    List<Row> national = DataQuality.flagged(nationalYear, low, List.of()).orderBy("period").collectAsList();
    assertEquals(DataQuality.LOW_QUALITY, national.get(0).getAs("quality_flag"));  // 2014
    assertNull(national.get(1).getAs("quality_flag"));                              // 2024
  }

  @Test
  void eachColumnAndTheKRule() {
    Dataset<Row> columns = tables(1).columns();
    Row registered = columns.filter("court_id = '71-D01' and period = '2025' and column = 'registered_at'").first();
    assertEquals(2.0 / 3, registered.<Double>getAs("completeness"), 1e-6);
    assertEquals(DataQuality.COLUMNS.size() * 4L, columns.count());  // 2 courts: 3 + 1 years
    // With k = 2, the second court's single case is not published, and the first ranks first.
    Dataset<Row> courts = tables(2).courts();
    Row small = court(courts, "71-D02", "2025");
    assertNull(small.getAs("score"));
    assertNull(small.getAs("rank"));
    assertEquals(1, (int) court(courts, "71-D01", "2025").<Integer>getAs("rank"));
  }

  @Test
  void theDateOrderRulesComeFromTheQuarantinesReasons() {
    String x = "71-D05";
    Dataset<Row> cases = SharedSpark.spark().createDataFrame(List.of(
        c(x, "2025-01-10", "2025-01-11", "2025-01-20", "2025-02-10", "online", true, "J2", false, "ru"),
        c(x, "2025-02-10", "2025-02-11", "2025-02-20", "2025-03-10", "online", true, "J2", false, "ru"),
        c(x, "2025-03-10", "2025-03-11", "2025-03-20", "2025-04-10", "online", true, "J2", false, "ru")), CASES);
    Dataset<Row> quarantined = SharedSpark.spark().createDataFrame(List.of(
        // A hearing before the filing (and so before the registration too).
        RowFactory.create(x, "2025-05-01", "date_order(filed_at>first_hearing_at,registered_at>first_hearing_at)"),
        // Published before decided, along with another fault.
        RowFactory.create(x, "2025-05-02", "invalid_enum(language); date_order(decided_at>published_at)"),
        // Out of order otherwise: registered before filed.
        RowFactory.create(x, "2025-05-03", "date_order(filed_at>registered_at)"),
        RowFactory.create(x, "2025-05-04", "invalid_enum(hearing_format)")), QUARANTINE);
    Row y = court(DataQuality.compute(cases, quarantined, LocalDate.of(2025, 12, 31), new Disclosure(1)).courts(), x, "2025");
    // 3 kept + 4 rejected = 7 rows; rates are published to 6 decimals.
    assertEquals(4.0 / 7, y.<Double>getAs("quarantine_rate"), 1e-6);
    assertEquals(3.0 / 7, y.<Double>getAs("date_order_rate"), 1e-6);
    assertEquals(1.0 / 7, y.<Double>getAs("hearing_before_filing_rate"), 1e-6);
    assertEquals(1.0 / 7, y.<Double>getAs("published_before_decided_rate"), 1e-6);
    // The date-order rates are parts of the quarantine rate, not counted again in the score.
    assertEquals(Math.round(1000 * (3.0 / 7 + 1 + 1 + 1) / 4) / 10.0, y.<Double>getAs("score"), 1e-9);
  }

  @Test
  void aThinLastMonthMeansDecisionsMissing() {
    // The extract ends on 15 October 2025: September is its last complete month.
    StructType monthly = StructType.fromDDL("court_id STRING, court_level STRING, month DATE, decisions BIGINT");
    List<Row> decisions = new java.util.ArrayList<>();
    for (LocalDate m = LocalDate.of(2024, 9, 1); m.isBefore(LocalDate.of(2025, 9, 1)); m = m.plusMonths(1)) {
      decisions.add(RowFactory.create("A", "district", java.sql.Date.valueOf(m), 10L));
      decisions.add(RowFactory.create("B", "district", java.sql.Date.valueOf(m), 10L));
      // D has no case filed in the years asked about, and counts for its level all the same.
      decisions.add(RowFactory.create("D", "district", java.sql.Date.valueOf(m), 10L));
      decisions.add(RowFactory.create("F", "district", java.sql.Date.valueOf(m), 2L));
    }
    decisions.add(RowFactory.create("A", "district", d("2025-09-01"), 1L));
    decisions.add(RowFactory.create("B", "district", d("2025-09-01"), 10L));
    decisions.add(RowFactory.create("C", "district", d("2025-09-01"), 5L));
    decisions.add(RowFactory.create("D", "district", d("2025-09-01"), 10L));
    // Another level, with no bearing on the district courts; its only court has nothing before September.
    decisions.add(RowFactory.create("E", "regional", d("2025-09-01"), 1L));
    // F decides 2 a month, and none in September: under half, but a Poisson month expected at 1.63 is empty 1 time in 5.
    decisions.add(RowFactory.create("B", "district", d("2025-10-01"), 99L));  // after the last complete month: not counted
    StructType years = StructType.fromDDL("court_id STRING, court_level STRING, period STRING");
    Dataset<Row> counted = SharedSpark.spark().createDataFrame(List.of(RowFactory.create("A", "district", "2025"),
        RowFactory.create("B", "district", "2025"), RowFactory.create("C", "district", "2025"),
        RowFactory.create("F", "district", "2025"), RowFactory.create("E", "regional", "2025"),
        RowFactory.create("A", "district", "2024"), RowFactory.create("B", "district", "2024")), years);
    Dataset<Row> judged = DataQuality.lastMonth(counted, SharedSpark.spark().createDataFrame(decisions, monthly),
        LocalDate.of(2025, 10, 15));
    // District courts: 26 decisions in September against 384 in the 12 months before, so a court's
    // September is expected at 26/384 of its 12 months. A: 1 against 120 × 26/384 = 8.125, under a
    // half, and P(X ≤ 1) = e^−8.125 × 9.125 = 0.0027 for a Poisson X of that mean, under 1%; B: 10;
    // C: nothing to compare with; F: 0 against 1.625, under a half, but P(X = 0) = 0.197.
    Row a = court(judged, "A", "2025");
    assertEquals(120L, (long) a.<Long>getAs("base_decisions"));
    assertEquals(true, a.getAs("last_month_decisions_missing"));
    assertEquals(false, court(judged, "B", "2025").getAs("last_month_decisions_missing"));
    assertEquals(0L, (long) court(judged, "C", "2025").<Long>getAs("base_decisions"));
    assertNull(court(judged, "C", "2025").getAs("last_month_decisions_missing"));
    assertEquals(false, court(judged, "F", "2025").getAs("last_month_decisions_missing"));
    assertNull(court(judged, "E", "2025").getAs("last_month_decisions_missing"));  // a level without a 12 months
    // 2024 ends in December: 10 decisions against 30 (September to November) for each, as for their level.
    Row before = court(judged, "A", "2024");
    assertEquals(30L, (long) before.<Long>getAs("base_decisions"));
    assertEquals(false, before.getAs("last_month_decisions_missing"));
  }

  @Test
  void thePoissonTailIsExactForSmallAndLargeMeans() {
    Dataset<Row> means = SharedSpark.spark().createDataFrame(List.of(RowFactory.create(0L, 3.0), RowFactory.create(3L, 10.0),
        RowFactory.create(2L, 10.0), RowFactory.create(400L, 1000.0), RowFactory.create(1000L, 1000.0)),
        StructType.fromDDL("r BIGINT, mu DOUBLE"));
    List<Row> tails = means.select(DataQuality.poissonAtMost(org.apache.spark.sql.functions.col("r"),
        org.apache.spark.sql.functions.col("mu"))).collectAsList();
    assertEquals(Math.exp(-3), tails.get(0).getDouble(0), 1e-12);                       // 0.0498: not under 1%
    assertEquals(Math.exp(-10) * (1 + 10 + 50 + 1000.0 / 6), tails.get(1).getDouble(0), 1e-12);  // 0.0103
    assertEquals(Math.exp(-10) * 61, tails.get(2).getDouble(0), 1e-12);                 // 0.0028
    // 400 where 1,000 were due: 1.32e-103, though e^−1000 alone underflows a double.
    assertEquals(1.3197e-103, tails.get(3).getDouble(0), 1e-106);
    assertEquals(0.5084, tails.get(4).getDouble(0), 1e-3);  // at the mean, a little over a half
  }
}
