package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Failure rates and registration days: real jumps are flagged, the noise of small numbers is not. */
@ExtendWith(SharedSpark.class)
class RegionSignalsTest {

  private static final AnomalyOptions OPTIONS = AnomalyOptions.of(LocalDate.of(2025, 12, 31));

  private static String month(int m) {
    return String.format("2024-%02d", m);
  }

  @Test
  void anOutageIsFlaggedAndTwoFailuresInTwelveRequestsAreNot() {
    StructType schema = StructType.fromDDL(
        "region_code STRING, service STRING, `period` STRING, service_requests BIGINT, "
        + "service_failures BIGINT");
    List<Row> rows = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      // A busy service failing 1% of the time, then 30% in December.
      rows.add(RowFactory.create("43", "e_payment", month(m), 1000L, m == 12 ? 300L : 10L));
      // A quiet one: 12 requests, no failures, then 2 in December (17%, by chance).
      rows.add(RowFactory.create("62", "e_notary", month(m), 12L, m == 12 ? 2L : 0L));
    }
    List<Row> flagged = MonthlySignals.failureRate(SharedSpark.spark().createDataFrame(rows, schema), OPTIONS)
        .filter(col("score").geq(OPTIONS.threshold())).collectAsList();
    assertEquals(1, flagged.size(), flagged.toString());
    Row outage = flagged.get(0);
    assertEquals(List.of("region_service", "43:e_payment", "2024-12"), List.of(outage.getString(0), outage.getString(1), outage.getString(2)));
    assertEquals(0.3, outage.<Double>getAs("actual"), 1e-12);
    assertEquals(0.01, outage.<Double>getAs("expected"), 0.002);
    assertTrue(outage.<String>getAs("explanation").startsWith("failure rate 30.0% of 1000 requests against about 1.0%"),
        outage.getString(7));
  }

  @Test
  void aRegistrationLagIsFlaggedAndAMonthOfFewEFilingsIsNotScored() {
    StructType schema = StructType.fromDDL(
        "region_code STRING, `period` STRING, median_days_to_register_e_filing DOUBLE, "
        + "register_base BIGINT");
    List<Row> rows = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      rows.add(RowFactory.create("19", month(m), m == 11 ? 15.0 : 1.0 + (m % 2), 200L)); // 15 days in November
      rows.add(RowFactory.create("62", month(m), m == 11 ? 15.0 : 1.0, m == 11 ? 5L : 30L)); // 5 e-filings that month
    }
    List<Row> flagged = MonthlySignals.registration(SharedSpark.spark().createDataFrame(rows, schema), OPTIONS)
        .filter(col("score").geq(OPTIONS.threshold())).collectAsList();
    assertEquals(1, flagged.size(), flagged.toString());
    assertEquals("19", flagged.get(0).getString(1));
    assertEquals("2024-11", flagged.get(0).getString(2));
    // Baseline: the median of 2, 1, 2, 1, ... over the months before: 1.5 days.
    assertEquals(1.5, flagged.get(0).<Double>getAs("expected"), 1e-12);
  }
}
