package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Court volumes over two years: a dip every August that all courts share, and one real stall. */
@ExtendWith(SharedSpark.class)
class MonthlySignalsTest {

  private static final AnomalyOptions OPTIONS = AnomalyOptions.of(LocalDate.of(2025, 12, 31));

  private static Dataset<Row> courtFlow() {
    StructType schema = StructType.fromDDL("court_id STRING, `period` STRING, incoming BIGINT, resolved BIGINT, "
        + "clearance_rate DOUBLE");
    List<Row> rows = new ArrayList<>();
    for (String court : List.of("A", "B", "C")) {
      for (int m = 0; m < 24; m++) {
        String period = String.format("%d-%02d", 2024 + m / 12, m % 12 + 1);
        long resolved = period.endsWith("-08") ? 40 : 100 + (m % 3);  // August: the whole country is on holiday
        if (court.equals("C") && period.equals("2025-03")) {
          resolved = 5;                                                 // C stalls
        }
        long incoming = court.equals("B") && period.equals("2025-05") ? 400 : 100;  // B's surge
        rows.add(RowFactory.create(court, period, incoming, resolved, (double) resolved / incoming));
      }
    }
    return SharedSpark.spark().createDataFrame(rows, schema);
  }

  @Test
  void aStallIsFlaggedAndTheSharedAugustDipIsNot() {
    Dataset<Row> resolved = MonthlySignals.resolved(courtFlow(), OPTIONS);
    List<Row> flagged = resolved.filter(col("score").geq(OPTIONS.threshold())).collectAsList();
    assertEquals(1, flagged.size(), flagged.toString());
    Row stall = flagged.get(0);
    assertEquals(List.of("court", "C", "2025-03", "resolved"),
        List.of(stall.getString(0), stall.getString(1), stall.getString(2), stall.getString(3)));
    assertEquals(5.0, stall.<Double>getAs("actual"), 1e-12);
    // Expected: C's usual share of the national mean per court, about 100 in a normal month.
    double expected = stall.<Double>getAs("expected");
    assertTrue(expected > 60 && expected < 110, "expected " + expected);
    assertTrue(stall.<String>getAs("explanation").startsWith("resolved 5 cases against about "), stall.getString(7));
    assertTrue(stall.<String>getAs("explanation").contains("× its usual spread"));
  }

  @Test
  void aSurgeIsFlaggedOnIncoming() {
    List<Row> flagged = MonthlySignals.incoming(courtFlow(), OPTIONS).filter(col("score").geq(OPTIONS.threshold())).collectAsList();
    assertEquals(1, flagged.size(), flagged.toString());
    assertEquals("B", flagged.get(0).getString(1));
    assertEquals("2025-05", flagged.get(0).getString(2));
  }
}
