package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Three regions of one year; the scaled components and the index worked out by hand. */
@ExtendWith(SharedSpark.class)
class DigitalJusticeIndexTest {

  private static Dataset<Row> regionYear() {
    StructType schema = StructType.fromDDL("region_code STRING, `period` STRING, e_filing_share DOUBLE, "
        + "online_hearing_share DOUBLE, service_failure_rate DOUBLE");
    return SharedSpark.spark().createDataFrame(List.of(
        RowFactory.create("A", "2025", 0.2, 0.1, 0.1),
        RowFactory.create("B", "2025", 0.4, 0.3, 0.2),
        RowFactory.create("C", "2025", 0.6, null, 0.05)), schema); // C's online share is suppressed
  }

  private static Dataset<Row> regions() {
    StructType schema = new StructType().add("region_code", DataTypes.StringType).add("internet_users_share", DataTypes.DoubleType);
    // The same everywhere: this component cannot tell the regions apart, so all score 0.5.
    return SharedSpark.spark().createDataFrame(List.of(
        RowFactory.create("A", 0.8), RowFactory.create("B", 0.8), RowFactory.create("C", 0.8)), schema);
  }

  private static List<Row> index(List<Double> weights) {
    return DigitalJusticeIndex.compute(regionYear(), regions(), weights).orderBy("region_code").collectAsList();
  }

  @Test
  void equalWeights() {
    List<Row> r = index(DigitalJusticeIndex.EQUAL_WEIGHTS);
    // e-filing 0.2, 0.4, 0.6 scale to 0, 0.5, 1; online 0.1, 0.3 to 0, 1;
    // success 0.9, 0.8, 0.95 to 2/3, 0, 1; internet 0.5 each.
    assertEquals(2.0 / 3, r.get(0).<Double>getAs("service_success_rate_scaled"), 1e-6);
    assertEquals(0.5, r.get(1).<Double>getAs("internet_users_share_scaled"), 1e-12);
    assertEquals((0 + 0 + 2.0 / 3 + 0.5) / 4, r.get(0).<Double>getAs("digital_justice_index"), 1e-6);
    assertEquals((0.5 + 1 + 0 + 0.5) / 4, r.get(1).<Double>getAs("digital_justice_index"), 1e-6);
    assertEquals(2, (int) r.get(0).getAs("rank"));
    assertEquals(1, (int) r.get(1).getAs("rank"));
    Row c = r.get(2);
    assertTrue(c.isNullAt(c.fieldIndex("digital_justice_index")));
    assertTrue(c.isNullAt(c.fieldIndex("rank")));
    assertEquals(true, c.getAs("suppressed"));
    assertEquals("no index: online_hearing_share suppressed or missing", c.getAs("suppression_reason"));
  }

  @Test
  void configuredWeights() {
    List<Row> r = index(List.of(1.0, 0.0, 0.0, 0.0));
    // Only the e-filing share counts; C's missing online share no longer matters.
    assertEquals(1.0, r.get(2).<Double>getAs("digital_justice_index"), 1e-12);
    assertEquals(1, (int) r.get(2).getAs("rank"));
    assertEquals(0.0, r.get(0).<Double>getAs("digital_justice_index"), 1e-12);
  }
}
