package org.justicemonitor.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.justicemonitor.measures.CaseFlowTest.d;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Four cases whose age at each period end is worked out by hand. */
@ExtendWith(SharedSpark.class)
class PendingAgeTest {

  private static Dataset<Row> cases() {
    return SharedSpark.spark().createDataFrame(List.of(
        // A: never decided; 6 months old on 2024-07-15, 12 on 2025-01-15, 24 on 2026-01-15.
        RowFactory.create("71", "civil", "paper", d("2024-01-15"), null, null, null),
        // B: 6 months old on 2024-12-30, decided 2025-01-10.
        RowFactory.create("71", "civil", "paper", d("2024-06-30"), null, d("2025-01-10"), "in_person"),
        // C: decided on 2024-12-31, before its 6-month anniversary (2025-01-01): never old.
        RowFactory.create("71", "civil", "paper", d("2024-07-01"), null, d("2024-12-31"), "in_person"),
        // D: never decided; 6 months old on 2025-06-01, 12 on 2025-12-01.
        RowFactory.create("71", "civil", "paper", d("2024-12-01"), null, null, null)), CaseFlowTest.SCHEMA).transform(CaseFlowTest::unpublished);
  }

  private static List<Row> shares(Period period, List<String> labels) {
    Dataset<Row> groups = SharedSpark.spark().createDataset(List.of("71"), Encoders.STRING()).toDF("region_code");
    List<String> keys = List.of("region_code");
    return CaseFlow.compute(cases(), keys, period, labels, groups).orderBy("period").collectAsList();
  }

  private static double share(Row row, int months) {
    return row.<Double>getAs(PendingAge.share(months));
  }

  @Test
  void yearEnds() {
    List<Row> y = shares(Period.YEAR, List.of("2024", "2025"));
    // 2024-12-31: A, B and D pending; A and B past 6 months, none past 12.
    assertEquals(3L, (long) y.get(0).getAs("pending_end"));
    assertEquals(2.0 / 3, share(y.get(0), 6), 1e-6);
    assertEquals(0.0, share(y.get(0), 12), 1e-12);
    // 2025-12-31: A and D pending, both past 6 and 12 months (D since 2025-12-01), none past 24.
    assertEquals(1.0, share(y.get(1), 6), 1e-12);
    assertEquals(1.0, share(y.get(1), 12), 1e-12);
    assertEquals(0.0, share(y.get(1), 24), 1e-12);
  }

  @Test
  void monthEndsAndTheAnniversaryDay() {
    List<Row> m = shares(Period.MONTH, List.of("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
        "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01"));
    // 2024-06-30: A is 5 months old.
    assertEquals(0.0, share(m.get(5), 6), 1e-12);
    // 2024-07-31: A, B, C pending; only A is past 6 months (since 2024-07-15).
    assertEquals(1.0 / 3, share(m.get(6), 6), 1e-6);
    // 2024-12-31: B reached 6 months on 2024-12-30, so it counts; C was decided that day.
    assertEquals(2.0 / 3, share(m.get(11), 6), 1e-6);
    // 2025-01-31: B decided; A past 12 months (2025-01-15), D 2 months old.
    assertEquals(0.5, share(m.get(12), 6), 1e-12);
    assertEquals(0.5, share(m.get(12), 12), 1e-12);
  }
}
