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
import org.justicemonitor.tables.Measure;
import org.justicemonitor.tables.TableDeclaration;

@ExtendWith(SharedSpark.class)
class DisclosureTest {

  /** A table of one count pair and their ratio, declared as any published table is. */
  static final TableDeclaration FLOW = TableDeclaration.named("flow", "a test table")
      .key("court_id", "court").key("period", "year")
      .measure(Measure.count("incoming", "filed"))
      .measure(Measure.count("resolved", "decided"))
      .measure(Measure.ratio("clearance_rate", "resolved", "incoming", "resolved / incoming"))
      .measure(Measure.ratio("e_filing_share", "e_filing_cases", "e_filing_base", "an unpublished numerator"))
      .grain("court_id", "period").build();

  private static Row apply(int k, long incoming, long resolved) {
    return new Disclosure(k).apply(table(incoming, resolved, 20L), FLOW).first();
  }

  private static Dataset<Row> table(long incoming, long resolved, long eFilingBase) {
    StructType schema = StructType.fromDDL("court_id STRING, period STRING, incoming BIGINT, resolved BIGINT,"
        + " clearance_rate DOUBLE, e_filing_share DOUBLE, e_filing_base BIGINT");
    return SharedSpark.spark().createDataFrame(List.of(RowFactory.create("c1", "2025", incoming, resolved,
        (double) resolved / incoming, eFilingBase == 0 ? null : 0.5, eFilingBase)), schema);
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
    assertEquals("C", r.getAs("incoming_status"));
    assertEquals("A", r.getAs("resolved_status"));
    assertEquals("C", r.getAs("clearance_rate_status"));
  }

  @Test
  void theRulesComeFromTheDeclaredMeasures() {
    Measure rate = FLOW.measure("clearance_rate").orElseThrow();
    assertEquals(List.of("incoming", "resolved"), FLOW.restsOn(rate));
    assertEquals(true, FLOW.reveals(rate));
    // A share whose numerator the table does not publish rests on its denominator and gives nothing away.
    Measure share = FLOW.measure("e_filing_share").orElseThrow();
    assertEquals(List.of("e_filing_base"), FLOW.restsOn(share));
    assertEquals(false, FLOW.reveals(share));
  }

  @Test
  void aComplementTakesAlongTheRatioThatGivesItAwayAndIsRecordedAsData() {
    Disclosure disclosure = new Disclosure(10);
    Dataset<Row> primary = disclosure.apply(table(40, 30, 20), FLOW);
    Dataset<Row> complements = SharedSpark.spark().createDataFrame(
        List.of(RowFactory.create("c1|2025", scala.jdk.javaapi.CollectionConverters.asScala(List.of("resolved")).toSeq())),
        Disclosure.COMPLEMENTS_SCHEMA);
    Row r = disclosure.complement(primary, FLOW, complements).first();
    assertEquals(40L, (long) r.getAs("incoming"));
    assertNull(r.getAs("resolved"));
    assertNull(r.getAs("clearance_rate"));
    assertEquals(0.5, r.<Double>getAs("e_filing_share"), 0.0);
    assertEquals("A", r.getAs("incoming_status"));
    assertEquals("D", r.getAs("resolved_status"));
    assertEquals("D", r.getAs("clearance_rate_status"));
    assertEquals("A", r.getAs("e_filing_share_status"));
    assertEquals(true, r.getAs("suppressed"));
    assertEquals("resolved, clearance_rate suppressed as complements, so that no value under 10 can be worked out"
        + " from the others", r.getAs("suppression_reason"));
  }

  @Test
  void aValueWithNothingToDivideIsNotApplicableNotSuppressed() {
    Row r = new Disclosure(1).apply(table(40, 30, 5), FLOW).first();
    assertEquals("A", r.getAs("e_filing_share_status"));
    Dataset<Row> none = table(40, 30, 5).withColumn("e_filing_share", org.apache.spark.sql.functions.lit(null).cast("double"));
    Row n = new Disclosure(1).apply(none, FLOW).first();
    assertEquals("M", n.getAs("e_filing_share_status"));
    assertEquals(false, n.getAs("suppressed"));
  }

  @Test
  void kMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new Disclosure(0));
  }
}
