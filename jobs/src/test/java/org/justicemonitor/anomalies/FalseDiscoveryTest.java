package org.justicemonitor.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Benjamini–Hochberg on ten p-values, adjusted by hand. */
@ExtendWith(SharedSpark.class)
class FalseDiscoveryTest {

  @Test
  void qValuesAreTheStepUpMinimaAndScoresTheirMinusLog10() {
    double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216};
    // p·m/i = .01 .04 .13 .1025 .084 .1 .10571 .25625 .23556 .216; the minimum from each i down:
    double[] q = {0.01, 0.04, 0.084, 0.084, 0.084, 0.1, 0.074 * 10 / 7, 0.216, 0.216, 0.216};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      // Listed in another order than by p: the adjustment sorts.
      int j = (i * 7) % p.length;
      rows.add(RowFactory.create("court", "C" + j, "2025-01", "incoming", p[j]));
    }
    var candidates = SharedSpark.spark().createDataFrame(rows,
        StructType.fromDDL("entity_type STRING, entity_id STRING, `period` STRING, signal STRING, p_value DOUBLE"));
    List<Row> adjusted = FalseDiscovery.adjust(candidates).orderBy("p_value").collectAsList();
    for (int i = 0; i < p.length; i++) {
      assertEquals(q[i], adjusted.get(i).<Double>getAs("q_value"), 1e-12, "q of p = " + p[i]);
      assertEquals(-Math.log10(q[i]), adjusted.get(i).<Double>getAs("score"), 1e-9);
    }
  }

  /**
   * Each review queue is its own family: two courts at p = 0.01 and 0.03 beside eight judges at
   * 0.02 … 0.09. In one family of ten the court at 0.03 (rank 3) would get q = 0.075, the step-up
   * minimum of p·10/i from rank 3 on (.1, then the judge at 0.03 in rank 4: .075), not flagged at
   * 5%; in its own family of two, q = 0.03·2/2 = 0.03, flagged, and the court at 0.01 gets
   * 0.01·2/1 = 0.02. The judges' p·8/i are .16 .12 .1067 .1 .096 .0933 .0914 .09: each q is 0.09.
   */
  @Test
  void eachEntityTypeIsItsOwnFamily() {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("court", "C1", "2025-01", "days_to_decision", 0.01));
    rows.add(RowFactory.create("court", "C2", "2025-01", "days_to_decision", 0.03));
    for (int j = 0; j < 8; j++) {
      rows.add(RowFactory.create("judge", "J" + j, "2025-01", "decisions", 0.02 + 0.01 * j));
    }
    var candidates = SharedSpark.spark().createDataFrame(rows,
        StructType.fromDDL("entity_type STRING, entity_id STRING, `period` STRING, signal STRING, p_value DOUBLE"));
    List<Row> courts = FalseDiscovery.adjust(candidates).filter("entity_type = 'court'").orderBy("p_value").collectAsList();
    assertEquals(0.02, courts.get(0).<Double>getAs("q_value"), 1e-12);
    assertEquals(0.03, courts.get(1).<Double>getAs("q_value"), 1e-12);
    List<Row> judges = FalseDiscovery.adjust(candidates).filter("entity_type = 'judge'").orderBy("p_value").collectAsList();
    assertEquals(0.09, judges.get(0).<Double>getAs("q_value"), 1e-12);
    assertEquals(0.09, judges.get(7).<Double>getAs("q_value"), 1e-12);
  }
}
