package org.justicemonitor.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Robust scores of short monthly series, worked out by hand. */
@ExtendWith(SharedSpark.class)
class BaselineTest {

  static final StructType SCHEMA = StructType.fromDDL("entity_id STRING, `period` STRING, value DOUBLE");

  static Dataset<Row> series(String entity, double... values) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(RowFactory.create(entity, String.format("2024-%02d", i + 1), values[i]));
    }
    return SharedSpark.spark().createDataFrame(rows, SCHEMA);
  }

  private static List<Row> scored(Dataset<Row> series, boolean higherIsWorse) {
    return Baseline.score(series, 12, 3, 0.5, higherIsWorse).orderBy("period").collectAsList();
  }

  @Test
  void aClearSpikeScoresHighAgainstTheUsualSpread() {
    List<Row> r = scored(series("A", 10, 11, 9, 10, 12, 10, 11, 9, 10, 40), true);
    // Months 1-3 have fewer than 3 months of history: no baseline, no score.
    assertTrue(r.get(2).isNullAt(r.get(2).fieldIndex("score")));
    // Baselines (medians of the months before) are all 10, so the deviations of months 4-10
    // are 0, 2, 0, 1, -1, 0, 30: their median is 0, the median absolute deviation 1.
    Row spike = r.get(9);
    assertEquals(10.0, spike.<Double>getAs("baseline"), 1e-12);
    assertEquals(1.4826, spike.<Double>getAs("spread"), 1e-12);
    assertEquals(30 / 1.4826, spike.<Double>getAs("score"), 1e-9);
    assertEquals(2 / 1.4826, r.get(4).<Double>getAs("score"), 1e-9);
  }

  @Test
  void aConstantHighValueIsNoAnomaly() {
    for (Row row : scored(series("B", 50, 50, 50, 50, 50, 50), true).subList(3, 6)) {
      assertEquals(0.0, row.<Double>getAs("score"), 1e-12);
      assertEquals(0.5, row.<Double>getAs("spread"), 1e-12); // the floor: the series never moves
    }
  }

  @Test
  void aDropScoresPositiveWhenLowerIsWorse() {
    List<Row> r = scored(series("C", 10, 10, 10, 10, 2), false);
    // Deviations 0, -8; their median -4, absolute deviations 4, 4: spread 1.4826 × 4.
    assertEquals(8 / (1.4826 * 4), r.get(4).<Double>getAs("score"), 1e-9);
  }
}
