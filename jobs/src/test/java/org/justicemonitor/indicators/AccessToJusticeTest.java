package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.justicemonitor.measures.CaseFlowTest.d;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlow;
import org.justicemonitor.measures.CaseFlowTest;
import org.justicemonitor.measures.PendingAge;
import org.justicemonitor.measures.Period;
import org.justicemonitor.measures.PublicationWindow;
import org.justicemonitor.tables.IndicatorTables;

/** Nine cases of one region whose language, representation, appeal and pending age are worked out by hand. */
@ExtendWith(SharedSpark.class)
class AccessToJusticeTest {

  private static final StructType SCHEMA =
      CaseFlowTest.SCHEMA.add("language", "string").add("party_represented", "boolean").add("appealed", "boolean");

  private static Dataset<Row> cases() {
    return SharedSpark.spark().createDataFrame(List.of(
        // 1-3: filed and decided in 2025.
        row(d("2025-01-10"), d("2025-03-01"), "kk", true, true),
        row(d("2025-02-01"), d("2025-04-01"), "ru", false, false),
        row(d("2025-03-01"), d("2025-05-01"), "kk", null, false),
        // 4: filed in 2025, pending, language not recorded; represented, but not decided: in no rate.
        row(d("2025-04-01"), null, null, true, null),
        // 5: pending since 2014-06-01: past 10 years on 2024-06-02, so over 10 years at both year ends.
        row(d("2014-06-01"), null, "ru", null, null),
        // 6: pending since 2021-01-01: past 3 years on 2024-01-02, 5 years on 2026-01-02: 3-5 at both ends.
        row(d("2021-01-01"), null, "ru", null, null),
        // 7: pending since 2023-06-15: 1.5 years at the end of 2024, 2.5 at the end of 2025: 1-3 at both.
        row(d("2023-06-15"), null, "ru", null, null),
        // 8: pending since 2019-12-31: exactly 5 years on 2024-12-31, so 3-5 then (not past it); 5-10 a year later.
        row(d("2019-12-31"), null, "ru", null, null),
        // 9: filed 2025-11-01 in Kazakh, pending: 0-1.
        row(d("2025-11-01"), null, "kk", null, null)), SCHEMA).transform(CaseFlowTest::unpublished);
  }

  private static Row row(java.sql.Date filed, java.sql.Date decided, String language, Boolean represented, Boolean appealed) {
    return RowFactory.create("71", "civil", "paper", filed, null, decided, decided == null ? null : "in_person", language,
        represented, appealed);
  }

  private static List<String> years() {
    return Period.YEAR.labels(LocalDate.of(2014, 6, 1), LocalDate.of(2025, 12, 31));
  }

  private static Dataset<Row> groups() {
    return SharedSpark.spark().createDataset(List.of("71"), Encoders.STRING()).toDF("region_code");
  }

  private static Row year(Dataset<Row> table, String year) {
    return table.filter("period = '" + year + "'").first();
  }

  @Test
  void languageRepresentationAndAppealOverTheCasesThatRecordThem() {
    Row y = year(CaseFlow.compute(cases(), List.of("region_code"), Period.YEAR, years(), groups()), "2025");
    // Filed in 2025: 1, 2, 3, 4, 9; language recorded for 1, 2, 3, 9, Kazakh in 1, 3, 9.
    assertEquals(0.75, y.<Double>getAs("kk_language_share"), 1e-12);
    // Decided in 2025: 1, 2, 3; representation recorded for 1 and 2, a representative in 1.
    assertEquals(0.5, y.<Double>getAs("representation_rate"), 1e-12);
    // Appeal recorded for all three, appealed in 1.
    assertEquals(1.0 / 3, y.<Double>getAs("appeal_rate"), 1e-12);
    Row before = year(CaseFlow.compute(cases(), List.of("region_code"), Period.YEAR, years(), groups()), "2024");
    assertNull(before.getAs("kk_language_share"));  // nothing filed in 2024
    assertNull(before.getAs("representation_rate"));
  }

  @Test
  void njdgBandsOfThePendingCases() {
    List<Row> rows = CaseFlow.compute(cases(), List.of("region_code"), Period.YEAR, years(), groups())
        .filter("period in ('2024', '2025')").orderBy("period").collectAsList();
    // 2024-12-31: 5 (over 10), 6 and 8 (3-5), 7 (1-3) pending.
    assertEquals(4L, (long) rows.get(0).getAs("pending_end"));
    assertBands(rows.get(0), 0, 0.25, 0.5, 0, 0.25);
    // 2025-12-31: 4 and 9 (0-1), 7 (1-3), 6 (3-5), 8 (5-10), 5 (over 10) pending.
    assertEquals(6L, (long) rows.get(1).getAs("pending_end"));
    assertBands(rows.get(1), 2.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6);
  }

  private static void assertBands(Row row, double... expected) {
    for (int i = 0; i < expected.length; i++) {
      String band = PendingAge.BANDS.get(i).column();
      assertEquals(expected[i], row.<Double>getAs(band), 1e-12, band);
    }
  }

  @Test
  void eachShareRestsOnTheCasesThatRecordIt() {
    Dataset<Row> cells = CaseCells.of(cases(), List.of("region_code"));
    Row y = year(CaseFlowBreakdown.compute(IndicatorTables.CATEGORY_YEAR, cells, List.of("region_code"), groups(), Period.YEAR,
        years(), new PublicationWindow(2000), new Disclosure(4)), "2025");
    // 4 cases record the language, 3 of them kk: a share of 0.75 beside its 4 gives the 3 away.
    assertNull(y.getAs("kk_language_share"));
    assertNull(y.getAs("representation_rate"));                       // 2 record representation
    assertNull(y.getAs("appeal_rate"));                               // 3 record the appeal
    assertTrue(y.<String>getAs("suppression_reason").contains("representation_rate, appeal_rate"));
    assertNull(y.getAs("share_pending_0_1_years"));                   // 2 of 6 pending: under k too
    // With k = 2, both numerators are published-size.
    Row k2 = year(CaseFlowBreakdown.compute(IndicatorTables.CATEGORY_YEAR, cells, List.of("region_code"), groups(), Period.YEAR,
        years(), new PublicationWindow(2000), new Disclosure(2)), "2025");
    assertEquals(0.75, k2.<Double>getAs("kk_language_share"), 1e-12);
    assertEquals(2.0 / 6, k2.<Double>getAs("share_pending_0_1_years"), 1e-6);  // published to 6 decimals
  }
}
