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

/** Registration days: a real jump is flagged, a month of few e-filings is not scored. */
@ExtendWith(SharedSpark.class)
class RegionSignalsTest {

  private static final AnomalyOptions OPTIONS = AnomalyOptions.of(LocalDate.of(2025, 12, 31));

  private static String month(int m) {
    return String.format("2024-%02d", m);
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
        .filter(col("p_value").lt(1e-3)).collectAsList();
    assertEquals(1, flagged.size(), flagged.toString());
    assertEquals("19", flagged.get(0).getString(1));
    assertEquals("2024-11", flagged.get(0).getString(2));
    // Baseline: the median of 2, 1, 2, 1, ... over the months before: 1.5 days.
    assertEquals(1.5, flagged.get(0).<Double>getAs("expected"), 1e-12);
    // 13.5 days above it, about 10 usual spreads: read as t with 0.37 × 11 degrees of freedom (a
    // robust spread of twelve months knows little), not as a normal's one in 10^23.
    Row lag = flagged.get(0);
    assertTrue(lag.<String>getAs("explanation").matches(".*1\\d\\.\\d × its usual spread.*"), lag.<String>getAs("explanation"));
    assertTrue(lag.<Double>getAs("p_value") > 1e-5, "p " + lag.<Double>getAs("p_value"));
  }
}
