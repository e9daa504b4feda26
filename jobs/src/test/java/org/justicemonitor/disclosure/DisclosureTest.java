package org.justicemonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class DisclosureTest {

  private static final List<Disclosure.Rule> RULES =
      List.of(Disclosure.Rule.count("incoming"), Disclosure.Rule.count("resolved"), Disclosure.Rule.of("clearance_rate", "incoming", "resolved"));

  private static Row apply(int k, long incoming, long resolved) {
    StructType schema = StructType.fromDDL("incoming BIGINT, resolved BIGINT, clearance_rate DOUBLE");
    Dataset<Row> df = SharedSpark.spark().createDataFrame(
        List.of(RowFactory.create(incoming, resolved, (double) resolved / incoming)), schema);
    return new Disclosure(k).apply(df, RULES).first();
  }

  @Test
  void atKNothingIsSuppressed() {
    Row r = apply(10, 10, 12);
    assertEquals(10L, (long) r.getAs("incoming"));
    assertEquals(1.2, r.<Double>getAs("clearance_rate"), 1e-12);
    assertEquals(false, r.getAs("suppressed"));
    assertNull(r.getAs("suppression_reason"));
  }

  @Test
  void belowKTheCountAndWhatRestsOnItAreSuppressed() {
    Row r = apply(10, 9, 12);
    assertNull(r.getAs("incoming"));
    assertEquals(12L, (long) r.getAs("resolved"));
    assertNull(r.getAs("clearance_rate"));
    assertEquals(true, r.getAs("suppressed"));
    assertEquals("incoming, clearance_rate rest on fewer than 10 cases", r.getAs("suppression_reason"));
  }

  @Test
  void kMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new Disclosure(0));
  }
}
