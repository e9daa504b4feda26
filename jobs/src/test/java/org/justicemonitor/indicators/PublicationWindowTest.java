package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlowTest;
import org.justicemonitor.measures.Period;
import org.justicemonitor.measures.PublicationWindow;
import org.justicemonitor.tables.IndicatorTables;

/**
 * A real extract's shape: one court, one case filed in 1990 and decided in 2019, and 25 cases
 * filed on the first of every month since 2018, each decided on the 15th. k = 10.
 */
@ExtendWith(SharedSpark.class)
class PublicationWindowTest {

  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  private static Dataset<Row> cases() {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("71", "civil", "paper", CaseFlowTest.d("1990-05-02"), null, CaseFlowTest.d("2019-03-01"),
        "in_person"));
    for (int year = 2018; year <= 2025; year++) {
      for (int month = 1; month <= 12; month++) {
        for (int i = 0; i < 25; i++) {
          String m = year + "-" + (month < 10 ? "0" : "") + month;
          rows.add(RowFactory.create("71", "civil", "paper", CaseFlowTest.d(m + "-01"), null, CaseFlowTest.d(m + "-15"),
              "in_person"));
        }
      }
    }
    return CaseFlowTest.unpublished(SharedSpark.spark().createDataFrame(rows, CaseFlowTest.SCHEMA));
  }

  private static List<Row> years(PublicationWindow window) {
    Dataset<Row> cells = CaseCells.of(cases(), List.of("region_code"));
    var groups = SharedSpark.spark().createDataset(List.of("71"), Encoders.STRING()).toDF("region_code");
    return CaseFlowBreakdown.compute(IndicatorTables.CATEGORY_YEAR, cells, List.of("region_code"), groups, Period.YEAR,
        Period.YEAR.labels(LocalDate.of(1990, 5, 2), AS_OF), window, new Disclosure(10)).orderBy("period").collectAsList();
  }

  @Test
  void theDefaultWindowStartsWithTheRunOfYearsWithKFilings() {
    // 1990 holds one filing, 1991 to 2017 none: the run of years with 10 or more ends at 2018.
    Dataset<Row> cells = CaseCells.of(cases(), List.of("region_code"));
    assertEquals(2018, PublicationWindow.byDefault(cells, AS_OF, 10).firstYear());
    // At most ten years back, and the last year alone when even it has fewer than k.
    Map<Integer, Long> sixteenYears = new java.util.TreeMap<>();
    for (int y = 2010; y <= 2025; y++) {
      sixteenYears.put(y, 50L);
    }
    assertEquals(2016, PublicationWindow.defaultFirstYear(sixteenYears, 2025, 10));
    assertEquals(2025, PublicationWindow.defaultFirstYear(Map.of(2025, 3L), 2025, 10));
  }

  @Test
  void withTheWindowTheOldCaseCountsOnlyInTheOpeningStock() {
    List<Row> rows = years(new PublicationWindow(2018));
    assertEquals(8, rows.size(), "2018 to 2025, nothing older");
    Row first = rows.get(0);
    assertEquals("2018", first.getAs("period"));
    // The stock pending when the window opens: the 1990 case, one case, so suppressed (C).
    assertNull(first.getAs("pending_start"));
    assertEquals("C", first.getAs("pending_start_status"));
    assertEquals(300L, (long) first.getAs("incoming"));
    assertEquals(300L, (long) first.getAs("resolved"));
    // 2019: the 1990 case is decided with the year's 300.
    assertEquals(301L, (long) rows.get(1).getAs("resolved"));
    // 2019 ends with no case pending, but its row holds the 1 pending at its start: that 0 goes
    // too. 2020 has no small count: its 0s are published.
    assertNull(rows.get(1).getAs("pending_end"));
    assertEquals(0L, (long) rows.get(2).getAs("pending_end"));
    assertEquals("A", rows.get(2).getAs("pending_end_status"));
  }

  @Test
  void withoutTheWindowEveryYearOfTheOldCaseIsARowOfSmallCounts() {
    List<Row> rows = years(new PublicationWindow(1990));
    // 1990 to 2025: the old case is pending through 1991 to 2017, so those years have rows too.
    assertEquals(36, rows.size());
    Row y1990 = rows.get(0);
    assertNull(y1990.getAs("incoming"));
    assertEquals("C", y1990.getAs("incoming_status"));
    for (Row r : rows.subList(0, 28)) {
      assertNull(r.getAs("pending_end"), r.<String>getAs("period"));
    }
  }
}
