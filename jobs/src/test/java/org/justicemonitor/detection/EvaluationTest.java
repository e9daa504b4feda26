package org.justicemonitor.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.anomalies.Signal;

/** Five flags against three labels: a flag finds an anomaly only through a signal meant for its kind. */
@ExtendWith(SharedSpark.class)
class EvaluationTest {

  @Test
  void precisionRecallCountOnlySignalsOfTheRightKind() {
    var spark = SharedSpark.spark();
    StructType flagSchema = StructType.fromDDL(
        "entity_type STRING, entity_id STRING, `period` STRING, signal STRING, rank INT");
    Dataset<Row> flags = spark.createDataFrame(List.of(
        RowFactory.create("court", "62-D01", "2024-12", "days_to_decision", 1),      // true
        RowFactory.create("region", "43", "2024-12", "indicator_profile", 2),        // false: the profile is of no kind
        RowFactory.create("court", "62-D01", "2024-11", "days_to_decision", 3),      // false: wrong month
        RowFactory.create("region_service", "43:e_payment", "2024-12", "service_failure_rate", 4), // true
        RowFactory.create("court", "62-D01", "2024-12", "resolved", 5)),             // false: a stall signal, not a slow court's
        flagSchema);
    StructType labelSchema = StructType.fromDDL("entity_type STRING, entity_id STRING, `period` STRING, signal STRING, "
        + "kind STRING");
    Dataset<Row> labels = spark.createDataFrame(List.of(
        RowFactory.create("court", "62-D01", "2024-12", "days_to_decision", "slow_court"),
        RowFactory.create("region_service", "43:e_payment", "2024-12", "service_failure_rate", "service_outage"),
        RowFactory.create("region", "19", "2025-07", "days_to_register_e_filing", "registration_lag")), labelSchema);
    Dataset<Row> courts = spark.createDataFrame(List.of(RowFactory.create("62-D01", "62")),
        new StructType().add("court_id", DataTypes.StringType).add("region_code", DataTypes.StringType));

    Evaluation.Result r = Evaluation.evaluate(flags, labels, courts, 2,
        Map.of("days_to_decision", "slow_court", "service_failure_rate", "service_outage", "resolved", "stalled_court"));
    assertEquals(0.4, r.precision(), 1e-12);          // 2 of 5 flags
    assertEquals(2.0 / 3, r.recall(), 1e-12);         // 2 of 3 labels
    assertEquals(2 * 0.4 * (2.0 / 3) / (0.4 + 2.0 / 3), r.f1(), 1e-12);
    assertEquals(1L, r.trueInTopN());
    assertEquals(List.of("registration_lag region 19 2025-07"), r.missed());
    Evaluation.KindRecall slow = r.kinds().stream().filter(k -> k.kind().equals("slow_court")).findFirst().orElseThrow();
    assertEquals(1.0, slow.recall(), 1e-12);
    assertEquals(0.5, slow.precision(), 1e-12);       // its signal raised 2 flags, 1 true
  }
}
