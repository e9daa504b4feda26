package org.justicemonitor.indicators;

import static org.justicemonitor.indicators.CaseFlowTest.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Two courts, nine cases and three rejected rows whose quality is worked out by hand. */
@ExtendWith(SharedSpark.class)
class DataQualityTest {

  private static final StructType CASES = StructType.fromDDL("court_id STRING, court_level STRING, region_code STRING, "
      + "filed_at DATE, registered_at DATE, first_hearing_at DATE, decided_at DATE, hearing_format STRING, appealed BOOLEAN, "
      + "judge_id STRING, party_represented BOOLEAN, language STRING");

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
        RowFactory.create(a, "2025-02-30"),        // an impossible date, but its year reads: 71-D01's 2025
        RowFactory.create(a, "garbage"),           // no year: counts for no row
        RowFactory.create("99-X99", "2025-01-01")), // an unknown court: counts for no court
        StructType.fromDDL("court_id STRING, filed_at STRING"));
    return DataQuality.compute(cases, quarantined, LocalDate.of(2025, 12, 31), new Disclosure(k));
  }

  private static Row court(Dataset<Row> courts, String court, String year) {
    return courts.filter("court_id = '" + court + "' and period = '" + year + "'").first();
  }

  @Test
  void aCourtYearWorkedOutByHand() {
    Dataset<Row> courts = tables(1).courts();
    assertEquals(DataQuality.COURT_COLUMNS, List.of(courts.columns()));
    Row y = court(courts, "71-D01", "2025");
    assertEquals(1.0 / 6, y.<Double>getAs("quarantine_rate"), 1e-6);  // 1 rejected of 5 kept + 1
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
}
